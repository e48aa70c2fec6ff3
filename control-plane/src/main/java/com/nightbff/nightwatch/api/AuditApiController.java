package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.system.AuditLog;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, newest first, for admins' tools (incident timelines, compliance exports); ADMIN like the console page. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    static final int MAX_LIMIT = 1000;

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    record Entries(List<AuditLog.Entry> entries) {
    }

    @GetMapping("/api/v1/audit")
    Entries recent(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        return new Entries(audit.recent(limit));
    }
}
