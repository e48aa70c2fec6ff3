package com.nightbff.nightwatch.console;

import com.nightbff.nightwatch.catalog.ContentCatalog;
import com.nightbff.nightwatch.probes.ProbeService;
import java.security.Principal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * When Nightwatch's own database is down, console pages that read it say so (503, with the
 * banner and navigation still there) instead of a bare error: during an incident the SRE must see
 * that the store is the fault and that probes keep running with their results buffered.
 */
@ControllerAdvice(basePackageClasses = StoreUnavailableAdvice.class)
class StoreUnavailableAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableAdvice.class);

    private final ContentCatalog catalog;
    private final ProbeService probes;

    StoreUnavailableAdvice(ContentCatalog catalog, ProbeService probes) {
        this.catalog = catalog;
        this.probes = probes;
    }

    @ExceptionHandler(DataAccessException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ModelAndView storeUnavailable(DataAccessException e, Principal principal) {
        LOG.warn("console page failed, store unavailable: {}", e.getMostSpecificCause().getMessage());
        // Exception views do not get @ModelAttribute values; the layout needs the first two.
        return new ModelAndView("unavailable", Map.of("contentStatus", catalog.status(),
                "currentUser", principal == null ? "" : principal.getName(), "runtime", probes.runtime()));
    }
}
