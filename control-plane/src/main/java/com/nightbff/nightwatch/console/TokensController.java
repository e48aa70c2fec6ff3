package com.nightbff.nightwatch.console;

import com.nightbff.nightwatch.api.ApiTokens;
import com.nightbff.nightwatch.system.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API tokens for admins: list, create, revoke. A new token's value is rendered straight into the
 * response to the create form (never through a redirect, so it is not parked in the session as a
 * flash attribute) and the page is marked no-store; after that only its prefix is ever shown.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TokensController {

    private static final List<String> ROLES = List.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN);

    private final ApiTokens tokens;
    private final Clock clock;

    TokensController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/admin/tokens")
    String list(Model model) {
        return page(model);
    }

    @PostMapping("/admin/tokens")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
                  @RequestParam(defaultValue = "") String expiresInDays, Principal principal, Model model,
                  HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("form", new Form(name, role, expiresInDays));
        try {
            ApiTokens.Created created = tokens.create(name.strip(), role, days(expiresInDays), principal.getName());
            model.addAttribute("created", created);
            model.addAttribute("form", new Form("", Roles.VIEWER, ""));
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("formError", e.getMessage());
        }
        return page(model);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        boolean revoked = tokens.revoke(id, principal.getName());
        redirect.addFlashAttribute("notice", revoked ? "Token revoked; requests with it are refused from now on."
                : "That token does not exist or was already revoked.");
        return "redirect:/admin/tokens";
    }

    /** The create form's values, echoed back when they were invalid. */
    record Form(String name, String role, String expiresInDays) {
    }

    private String page(Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("roles", ROLES);
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("", Roles.VIEWER, ""));
        }
        return "tokens";
    }

    private static Integer days(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the expiry must be a whole number of days, or empty for none");
        }
    }
}
