package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.catalog.ContentCatalog;
import com.nightbff.nightwatch.catalog.ContentStatus;
import com.nightbff.nightwatch.system.AuditLog;
import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Content status, and poll-now so CI can apply a commit right after pushing it instead of waiting for the schedule. */
@RestController
class ContentApiController {

    private final ContentCatalog catalog;
    private final AuditLog audit;

    ContentApiController(ContentCatalog catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    @GetMapping("/api/v1/content")
    ContentJson status() {
        return ContentJson.of(catalog.status());
    }

    @PostMapping("/api/v1/content/poll")
    @PreAuthorize("hasRole('OPERATOR')")
    ContentJson poll(Principal caller) {
        ContentStatus status = catalog.poll();
        String outcome = status.sourceError() != null ? "error" : status.rejected() != null ? "rejected" : "ok";
        audit.record(caller.getName(), "content.poll", status.active() == null ? null : status.active().sha(), outcome,
                status.rejected() == null ? null : "rejected " + status.rejected().sha());
        return ContentJson.of(status);
    }
}
