package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.ledger.ChangeEvent;
import com.nightbff.nightwatch.ledger.ChangeLedger;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The change ledger, newest first. */
@RestController
class ChangesApiController {

    static final int MAX_LIMIT = 500;

    private final ChangeLedger ledger;

    ChangesApiController(ChangeLedger ledger) {
        this.ledger = ledger;
    }

    record Changes(List<ChangeEvent> changes) {
    }

    @GetMapping("/api/v1/changes")
    Changes recent(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        return new Changes(ledger.recent(limit));
    }
}
