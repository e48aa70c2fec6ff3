package com.nightbff.nightwatch.probes;

import java.util.List;

/**
 * Where a step's time went, in nanoseconds, split like blackbox_exporter's
 * {@code probe_http_duration_seconds{phase}} so the two can be compared series by series.
 * A phase is null when it did not happen: no resolve for an IP address, no TLS on plain http, no
 * resolve, connect or TLS on a reused connection, nothing after the point where the step failed.
 * Null is not zero: the console and the API show it as n/a, only the metric exports it as 0 (as
 * blackbox_exporter does, so the series stay comparable).
 */
public record PhaseTimings(Long resolveNanos, Long connectNanos, Long tlsNanos, Long processingNanos, Long transferNanos) {

    /** A step that sent nothing: it failed before its request (a missing secret, a refused host, no budget left). */
    public static final PhaseTimings NONE = new PhaseTimings(null, null, null, null, null);

    /** Phase names as exported in the {@code phase} label. */
    public static final List<String> PHASES = List.of("resolve", "connect", "tls", "processing", "transfer");

    /** The phase's time, or null when it did not happen. */
    public Long nanos(String phase) {
        return switch (phase) {
            case "resolve" -> resolveNanos;
            case "connect" -> connectNanos;
            case "tls" -> tlsNanos;
            case "processing" -> processingNanos;
            case "transfer" -> transferNanos;
            default -> throw new IllegalArgumentException("unknown phase " + phase);
        };
    }

    /** The phase's time in milliseconds, or null when it did not happen: what the console and the API show. */
    public Double millis(String phase) {
        Long nanos = nanos(phase);
        return nanos == null ? null : nanos / 1e6;
    }

    /** The phase's time in seconds, 0 when it did not happen: what the metric exports. */
    public double seconds(String phase) {
        Long nanos = nanos(phase);
        return nanos == null ? 0 : nanos / 1e9;
    }

    /** Both hops' time of a redirected step; a phase happened when it happened in either. */
    public PhaseTimings plus(PhaseTimings o) {
        return new PhaseTimings(sum(resolveNanos, o.resolveNanos), sum(connectNanos, o.connectNanos), sum(tlsNanos, o.tlsNanos),
                sum(processingNanos, o.processingNanos), sum(transferNanos, o.transferNanos));
    }

    private static Long sum(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}
