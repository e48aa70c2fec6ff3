package com.nightbff.nightwatch.console;

import com.nightbff.nightwatch.probes.internal.ResultStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A latency chart computed on the server and drawn as inline SVG: the CSP forbids inline script,
 * and a chart of a few thousand points needs no client library. Failed runs are red dots.
 */
public record LatencyChart(String points, List<Dot> failures, String maxLabel, int samples) {

    static final int WIDTH = 1000;
    static final int HEIGHT = 150;

    /** A failed run's position. */
    public record Dot(double x, double y) {
    }

    static LatencyChart of(List<ResultStore.Point> series, Instant from, Instant to) {
        double max = series.stream().mapToDouble(ResultStore.Point::durationMs).max().orElse(1);
        max = Math.max(max, 1);
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        StringBuilder points = new StringBuilder();
        List<Dot> failures = new ArrayList<>();
        for (ResultStore.Point p : series) {
            double x = (p.at().toEpochMilli() - from.toEpochMilli()) / span * WIDTH;
            double y = HEIGHT - p.durationMs() / max * (HEIGHT - 10);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            if (!p.success()) {
                failures.add(new Dot(Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0));
            }
        }
        return new LatencyChart(points.toString().strip(), failures, String.format(Locale.ROOT, "%.0f ms", max), series.size());
    }
}
