package com.nightbff.nightwatch.sandbox.metrics;

import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Route;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.DoubleSupplier;

/** One registry per service: eight services share a JVM but each /metrics must show only its own series. */
public final class ServiceMetrics {

    /** Resolves 5 ms to 2 s, the span of NightBFF's P95 targets (auth 30 ms .. venue 400 ms). */
    static final double[] BUCKETS = {.005, .01, .02, .03, .05, .075, .1, .15, .2, .25, .3, .4, .5, .75, 1, 1.5, 2, 5};

    private final String service;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram duration;
    private final Counter requests;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public ServiceMetrics(String service) {
        this.service = service;
        this.duration = Histogram.builder()
                .name("http_request_duration_seconds")
                .help("Duration of HTTP requests in seconds")
                .labelNames("service", "method", "route", "status_code")
                .classicUpperBounds(BUCKETS)
                .classicOnly()
                .register(registry);
        this.requests = Counter.builder()
                .name("http_requests_total")
                .help("Total number of HTTP requests")
                .labelNames("service", "method", "route", "status_code")
                .register(registry);
    }

    public String service() {
        return service;
    }

    public void record(String method, String route, int status, long nanos) {
        String code = Integer.toString(status);
        duration.labelValues(service, method, route, code).observe(nanos / 1e9);
        requests.labelValues(service, method, route, code).inc();
    }

    /** A counter labelled with the service only, e.g. the interest cache's hits and misses. */
    public Counter counter(String name, String help) {
        return Counter.builder().name(name).help(help).labelNames("service").register(registry);
    }

    public void poolGauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("service", "pool")
                .callback(cb -> cb.call(value.getAsDouble(), service, service))
                .register(registry);
    }

    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public Route route() {
        return Route.admin("GET", "/metrics",
                request -> Reply.text(200, PrometheusTextFormatWriter.CONTENT_TYPE, scrape()));
    }

    public List<Route> routes() {
        return List.of(route());
    }
}
