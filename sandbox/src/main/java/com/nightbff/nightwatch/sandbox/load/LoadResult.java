package com.nightbff.nightwatch.sandbox.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Counts, failures by cause and latency percentiles of one run. */
public record LoadResult(long requests, long ok, Map<String, Long> failures, long[] latenciesMicros, double seconds,
                         int peakConnections) {

    public static final String POSTGRES_TOO_MANY_CLIENTS = "53300";

    /** Sorted once here: every percentile reads the same array. */
    public LoadResult {
        latenciesMicros = latenciesMicros.clone();
        Arrays.sort(latenciesMicros);
    }

    public long errors53300() {
        return failures.getOrDefault(POSTGRES_TOO_MANY_CLIENTS, 0L);
    }

    public long errorsOther() {
        return failures.entrySet().stream().filter(e -> !e.getKey().equals(POSTGRES_TOO_MANY_CLIENTS))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Nearest-rank percentile in milliseconds over all requests, failed ones included (as k6 reports them). */
    public double percentileMs(double p) {
        if (latenciesMicros.length == 0) {
            return 0;
        }
        long[] sorted = latenciesMicros;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }

    /** {@code key=value} pairs, each key prefixed (e.g. "fit_") so two runs fit on one summary line. */
    public String figures(String prefix, String pools) {
        return String.format(java.util.Locale.ROOT,
                "%1$spools=%2$s %1$srequests=%3$d %1$sok=%4$d %1$serrors_53300=%5$d %1$serrors_other=%6$d"
                        + " %1$sp50_ms=%7$.1f %1$sp95_ms=%8$.1f %1$sp99_ms=%9$.1f %1$srps=%10$.0f %1$speak_connections=%11$d",
                prefix, pools, requests, ok, errors53300(), errorsOther(), percentileMs(50), percentileMs(95),
                percentileMs(99), requests / Math.max(seconds, 0.001), peakConnections);
    }

    public Map<String, Long> failuresSorted() {
        return new TreeMap<>(failures);
    }
}
