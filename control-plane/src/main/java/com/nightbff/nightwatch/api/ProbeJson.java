package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.probes.PhaseTimings;
import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.ProbeService;
import com.nightbff.nightwatch.probes.StepResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the console's probe pages show, as JSON. Status carries its evidence: a window without runs
 * is {@code unknown} with the reason, never a success ratio of 0 or 1.
 */
record ProbeJson(String name, String service, String description, double intervalSeconds, double timeoutSeconds, String status,
                 String statusReason, Run lastRun, Map<String, Window> windows) {

    /** One window: known (samples, success ratio, p95) or unknown with the reason. */
    record Window(String status, long samples, Double successRatio, Double p95Ms, String unknownReason) {

        static Window of(ProbeService.WindowStatus w) {
            return new Window(w.known() ? "known" : "unknown", w.samples(), w.successRatio(), w.p95Ms(), w.unknownReason());
        }
    }

    /** One run; its texts were masked of secret values by the prober and again by {@link ProbeService}. */
    record Run(UUID runId, String trigger, Instant startedAt, double durationMs, boolean success, String reason, String failedStep,
               List<Step> steps) {

        static Run of(ProbeResult r) {
            return r == null ? null : new Run(r.runId(), r.trigger(), r.startedAt(), r.durationNanos() / 1e6, r.success(),
                    r.reason() == null ? null : r.reason().code(), r.failedStep(), r.steps().stream().map(Step::of).toList());
        }
    }

    /**
     * One step with its reason, message, HTTP status, phase times and a redacted excerpt of the response. A
     * step that got no response has a null {@code statusCode} (the metric's 0 would read as a status), and a
     * phase that did not happen (TLS on plain http) is null in {@code phasesMs}, not a measured 0.
     */
    record Step(String name, String dependency, boolean success, String reason, String message, Integer statusCode, double durationMs,
                Map<String, Double> phasesMs, String excerpt) {

        static Step of(StepResult s) {
            Map<String, Double> phases = new LinkedHashMap<>();
            PhaseTimings.PHASES.forEach(phase -> phases.put(phase, s.phases().millis(phase)));
            return new Step(s.step(), s.dependency(), s.success(), s.reason() == null ? null : s.reason().code(),
                    s.message(), s.statusCode() == 0 ? null : s.statusCode(), s.durationNanos() / 1e6, phases, s.excerpt());
        }
    }

    /** One probe's detail: the overview plus its recent failures. */
    record Detail(ProbeJson probe, List<Run> recentFailures) {
    }

    static ProbeJson of(ProbeService.Overview o) {
        Probe p = o.probe();
        Map<String, Window> windows = new LinkedHashMap<>();
        windows.put(o.hour().label(), Window.of(o.hour()));
        windows.put(o.day().label(), Window.of(o.day()));
        return new ProbeJson(p.name(), p.service(), p.description(), p.interval().toMillis() / 1000.0, p.timeout().toMillis() / 1000.0,
                o.status(), o.unknownReason(), Run.of(o.last()), windows);
    }
}
