package com.nightbff.nightwatch.probes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Prober;
import com.nightbff.nightwatch.probes.Probes;
import com.nightbff.nightwatch.probes.Reason;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A prober that throws still produces a failed run, recorded and exported like any other. */
class ProbeEngineTest {

    @Test
    void aCrashedRunIsRecordedAsAFailureInsteadOfLeavingTheLastResultStanding() throws Exception {
        Probes probes = ProbeFixtures.probes(ProbeFixtures.bundle("http://127.0.0.1:8081", "")
                .put("probes/p.yaml", ProbeFixtures.getProbe("/health", "")));
        Prober crashing = prober((probe, request) -> {
            throw new IllegalStateException("boom with secret s3cr3t in the message");
        });
        List<ProbeResult> stored = new ArrayList<>();
        PrometheusRegistry registry = new PrometheusRegistry();
        try (ProbeEngine engine = new ProbeEngine(List.of(crashing), name -> null, new ProbeMetrics(registry), stored::add,
                Clock.systemUTC(), 2, 10)) {
            engine.use(probes);

            Instant planned = Instant.now();
            ProbeResult result = engine.submit("p", planned, ProbeResult.SCHEDULED).orElseThrow().get(5, TimeUnit.SECONDS);

            assertThat(result.success()).isFalse();
            assertThat(result.reason()).isEqualTo(Reason.IO_ERROR);
            assertThat(stored).containsExactly(result);
            Instant next = planned.plus(probes.probe("p").orElseThrow().interval());
            assertThat(engine.submit("p", next, ProbeResult.SCHEDULED)).as("not left marked as running").isPresent();
        }
    }

    @Test
    void operatorsAskingWhileAnOperatorRunIsInFlightShareItInsteadOfQueueing() throws Exception {
        Probes probes = ProbeFixtures.probes(ProbeFixtures.bundle("http://127.0.0.1:8081", "")
                .put("probes/p.yaml", ProbeFixtures.getProbe("/health", "")));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        Prober held = prober((probe, request) -> {
            started.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ProbeResult(java.util.UUID.randomUUID(), probe.name(), probe.service(), request.trigger(), request.plannedAt(),
                    Instant.now(), 1, true, null, null, List.of());
        });
        try (ProbeEngine engine = new ProbeEngine(List.of(held), name -> null, new ProbeMetrics(new PrometheusRegistry()), r -> { },
                Clock.systemUTC(), 2, 10)) {
            engine.use(probes);
            var first = engine.submitAfterRunInProgress("p", 1000).orElseThrow();
            // A budget far shorter than the run: queueing behind it would answer busy (empty).
            var second = engine.submitAfterRunInProgress("p", 50);
            assertThat(second).as("shares the operator run in flight").containsSame(first);
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).trigger()).isEqualTo(ProbeResult.MANUAL);
            assertThat(started).hasValue(1);

            // A scheduled run in flight is not shared: the operator gets a run of their own after it.
            var scheduled = engine.submit("p", Instant.now(), ProbeResult.SCHEDULED).orElseThrow();
            var own = engine.submitAfterRunInProgress("p", 5000).orElseThrow();
            assertThat(own).isNotSameAs(scheduled);
            assertThat(own.get(5, TimeUnit.SECONDS).trigger()).isEqualTo(ProbeResult.MANUAL);
            assertThat(started).hasValue(3);
        }
    }

    @Test
    void aStackOverflowInARunIsAFailedRunAndReleasesWhoeverWaits() throws Exception {
        Probes probes = ProbeFixtures.probes(ProbeFixtures.bundle("http://127.0.0.1:8081", "")
                .put("probes/p.yaml", ProbeFixtures.getProbe("/health", "")));
        Prober overflowing = prober((probe, request) -> {
            throw new StackOverflowError();
        });
        List<ProbeResult> stored = new ArrayList<>();
        try (ProbeEngine engine = new ProbeEngine(List.of(overflowing), name -> null, new ProbeMetrics(new PrometheusRegistry()),
                stored::add, Clock.systemUTC(), 2, 10)) {
            engine.use(probes);
            ProbeResult result = engine.submit("p", Instant.now(), ProbeResult.MANUAL).orElseThrow().get(5, TimeUnit.SECONDS);
            assertThat(result.success()).isFalse();
            assertThat(stored).containsExactly(result);
            assertThat(engine.inFlight("p")).isEmpty();
        }
    }

    @Test
    void aScheduledRunPlannedWithinHalfAnIntervalOfTheLastOneIsSkippedAsAlreadyRun() throws Exception {
        Probes probes = ProbeFixtures.probes(ProbeFixtures.bundle("http://127.0.0.1:8081", "")
                .put("probes/p.yaml", ProbeFixtures.getProbe("/health", "")));
        Prober ok = prober((probe, request) -> new ProbeResult(java.util.UUID.randomUUID(), probe.name(), probe.service(),
                request.trigger(), request.plannedAt(), Instant.now(), 1, true, null, null, List.of()));
        PrometheusRegistry registry = new PrometheusRegistry();
        try (ProbeEngine engine = new ProbeEngine(List.of(ok), name -> null, new ProbeMetrics(registry), r -> { },
                Clock.systemUTC(), 2, 10)) {
            engine.use(probes);
            java.time.Duration interval = probes.probe("p").orElseThrow().interval();
            Instant planned = Instant.parse("2026-11-27T12:00:00Z");

            engine.submit("p", planned, ProbeResult.SCHEDULED).orElseThrow().get(5, TimeUnit.SECONDS);
            // Quartz firing a late misfire for a slot the store fallback already ran.
            assertThat(engine.submit("p", planned.plus(interval.dividedBy(4)), ProbeResult.SCHEDULED)).isEmpty();
            assertThat(engine.submit("p", planned.plus(interval.dividedBy(4)), ProbeResult.MANUAL)).as("run now is never skipped")
                    .isPresent().get().satisfies(run -> run.get(5, TimeUnit.SECONDS));
            assertThat(engine.lastPlanned("p")).contains(planned);
            assertThat(registry.scrape().stream().filter(m -> m.getMetadata().getPrometheusName().equals("nightwatch_probe_runs_skipped"))
                    .flatMap(m -> m.getDataPoints().stream()).map(d -> d.getLabels().get("cause")).toList()).contains("already_ran");
            assertThat(engine.submit("p", planned.plus(interval), ProbeResult.SCHEDULED)).isPresent().get()
                    .satisfies(run -> run.get(5, TimeUnit.SECONDS));
            assertThat(engine.lastPlanned("p")).contains(planned.plus(interval));

            engine.use(probes);
            assertThat(engine.lastPlanned("p")).as("same interval: the phase stays").contains(planned.plus(interval));
            engine.use(ProbeFixtures.probes(ProbeFixtures.bundle("http://127.0.0.1:8081", "")
                    .put("probes/p.yaml", ProbeFixtures.getProbe("/health", "").replace("interval: 10s", "interval: 20s"))));
            assertThat(engine.lastPlanned("p")).as("a new interval starts a new phase").isEmpty();
        }
    }

    private static Prober prober(java.util.function.BiFunction<Probe, Prober.RunRequest, ProbeResult> run) {
        return new Prober() {
            @Override
            public String kind() {
                return "http";
            }

            @Override
            public ProbeResult run(Probe probe, RunRequest request) {
                return run.apply(probe, request);
            }
        };
    }
}
