package com.nightbff.nightwatch.console;

import com.nightbff.nightwatch.system.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit log for admins: who signed in, ran a probe, minted a token or was refused, newest first.
 * Admins only: entries carry client addresses, and a failed sign-in's "user" is whatever was typed,
 * often a password in the wrong field.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    static final int SHOWN = 200;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.recent(SHOWN));
        model.addAttribute("shown", SHOWN);
        return "audit";
    }
}
