package com.nightbff.nightwatch.console;

import com.nightbff.nightwatch.catalog.ContentCatalog;
import com.nightbff.nightwatch.ledger.ChangeLedger;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the fleet, the active content revision and the latest recorded changes. */
@Controller
class HomeController {

    private final ContentCatalog catalog;
    private final ChangeLedger ledger;

    HomeController(ContentCatalog catalog, ChangeLedger ledger) {
        this.catalog = catalog;
        this.ledger = ledger;
    }

    @GetMapping("/")
    String home(Model model) {
        catalog.active().ifPresent(snapshot -> {
            model.addAttribute("revision", snapshot.revision());
            model.addAttribute("fleet", FleetView.of(snapshot));
        });
        model.addAttribute("changes", ledger.recent(10));
        return "home";
    }
}
