package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.probes.ProbeService;
import com.nightbff.nightwatch.probes.RunNow;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Probes as the console shows them, and run-now through the same path as the console's button. */
@RestController
class ProbesApiController {

    private final ProbeService probes;

    ProbesApiController(ProbeService probes) {
        this.probes = probes;
    }

    record ProbeList(List<ProbeJson> probes) {
    }

    @GetMapping("/api/v1/probes")
    ProbeList list() {
        return new ProbeList(probes.overview().stream().map(ProbeJson::of).toList());
    }

    @GetMapping("/api/v1/probes/{name}")
    ProbeJson.Detail detail(@PathVariable String name) {
        ProbeService.Detail d = probes.detail(name).orElseThrow(() -> unknown(name));
        return new ProbeJson.Detail(ProbeJson.of(d.overview()), d.failures().stream().map(ProbeJson.Run::of).toList());
    }

    @PostMapping("/api/v1/probes/{name}/run")
    @PreAuthorize("hasRole('OPERATOR')")
    ProbeJson.Run run(@PathVariable String name, Principal caller) {
        RunNow run = probes.runNow(name, caller.getName());
        return switch (run.outcome()) {
            case RAN -> ProbeJson.Run.of(run.result());
            case UNKNOWN_PROBE -> throw unknown(name);
            case NOT_RUN_HERE, BUSY, UNFINISHED -> throw new ApiException(HttpStatus.CONFLICT, "conflict",
                    "probe '" + name + "' could not be run now: " + run.outcome().description());
        };
    }

    private static ApiException unknown(String name) {
        return ApiException.notFound("no probe named '" + name + "' in the active content");
    }
}
