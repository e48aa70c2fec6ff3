package com.nightbff.nightwatch.console;

import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.ProbeService;
import com.nightbff.nightwatch.probes.RunNow;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Probes: every probe with its windows, one probe's steps, failures and latency, and run now for operators. */
@Controller
class ProbesController {

    private final ProbeService probes;
    private final Clock clock;

    ProbesController(ProbeService probes, Clock clock) {
        this.probes = probes;
        this.clock = clock;
    }

    @GetMapping("/probes")
    String list(Model model) {
        model.addAttribute("probes", probes.overview());
        return "probes";
    }

    @GetMapping("/probes/{name}")
    String detail(@PathVariable String name, Model model) {
        ProbeService.Detail detail = probes.detail(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant now = clock.instant();
        model.addAttribute("d", detail);
        model.addAttribute("chart", LatencyChart.of(detail.series(), now.minus(Duration.ofHours(24)), now));
        return "probe";
    }

    @PostMapping("/probes/{name}/run")
    @PreAuthorize("hasRole('OPERATOR')")
    String runNow(@PathVariable String name, Principal principal, RedirectAttributes redirect) {
        RunNow run = probes.runNow(name, principal.getName());
        if (run.outcome() == RunNow.Outcome.UNKNOWN_PROBE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ProbeResult r = run.result();
        redirect.addFlashAttribute("ran", r == null ? "The probe could not be run now: " + run.outcome().description()
                : r.success() ? "Run succeeded in " + r.durationNanos() / 1_000_000 + " ms"
                : "Run failed at step " + r.failedStep() + ": " + r.reason().code());
        return "redirect:/probes/" + name;
    }
}
