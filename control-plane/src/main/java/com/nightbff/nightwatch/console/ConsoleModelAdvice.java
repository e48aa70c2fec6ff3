package com.nightbff.nightwatch.console;

import com.nightbff.nightwatch.catalog.ContentCatalog;
import com.nightbff.nightwatch.catalog.ContentStatus;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the content status (for the banner) and the signed-in user on every console page. */
@ControllerAdvice(basePackageClasses = ConsoleModelAdvice.class)
class ConsoleModelAdvice {

    private final ContentCatalog catalog;

    ConsoleModelAdvice(ContentCatalog catalog) {
        this.catalog = catalog;
    }

    @ModelAttribute("contentStatus")
    ContentStatus contentStatus() {
        return catalog.status();
    }

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
