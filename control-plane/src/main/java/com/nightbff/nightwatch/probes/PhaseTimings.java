package com.nightbff.nightwatch.probes;

/**
 * Where a step's time went, in nanoseconds, split like blackbox_exporter's
 * {@code probe_http_duration_seconds{phase}} so the two can be compared series by series.
 * A reused connection has zero resolve, connect and TLS time.
 */
public record PhaseTimings(long resolveNanos, long connectNanos, long tlsNanos, long processingNanos, long transferNanos) {

    public static final PhaseTimings ZERO = new PhaseTimings(0, 0, 0, 0, 0);

    /** Phase names as exported in the {@code phase} label. */
    public static final java.util.List<String> PHASES = java.util.List.of("resolve", "connect", "tls", "processing", "transfer");

    public long nanos(String phase) {
        return switch (phase) {
            case "resolve" -> resolveNanos;
            case "connect" -> connectNanos;
            case "tls" -> tlsNanos;
            case "processing" -> processingNanos;
            case "transfer" -> transferNanos;
            default -> throw new IllegalArgumentException("unknown phase " + phase);
        };
    }

    public PhaseTimings plus(PhaseTimings o) {
        return new PhaseTimings(resolveNanos + o.resolveNanos, connectNanos + o.connectNanos, tlsNanos + o.tlsNanos,
                processingNanos + o.processingNanos, transferNanos + o.transferNanos);
    }
}
