package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.Durations;
import com.nightbff.nightwatch.probes.PhaseTimings;
import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Prober;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP prober. Each run gets its own connection pool, so the first step always pays DNS,
 * connect and TLS like a new user would (as blackbox_exporter does), while later steps of the
 * same journey reuse the connection like a real client. Redirects are never followed by OkHttp:
 * {@link StepRunner} follows them itself, re-checking each hop against the allow list.
 */
public final class HttpProber implements Prober {

    private final Clock clock;
    private final OkHttpClient base;
    private final Dns dns;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public HttpProber(Clock clock) {
        this(clock, Dns.SYSTEM);
    }

    /** With a custom resolver, for tests of DNS rebinding. */
    public HttpProber(Clock clock, Dns dns) {
        this.clock = clock;
        this.dns = dns;
        this.base = new OkHttpClient.Builder()
                .followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false)
                .proxy(Proxy.NO_PROXY)
                .connectTimeout(0, TimeUnit.MILLISECONDS).readTimeout(0, TimeUnit.MILLISECONDS).writeTimeout(0, TimeUnit.MILLISECONDS)
                .build();
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public ProbeResult run(Probe probe, RunRequest request) {
        Instant started = clock.instant();
        long start = System.nanoTime();
        ConnectionPool pool = new ConnectionPool(1, 1, TimeUnit.SECONDS);
        OkHttpClient client = base.newBuilder().connectionPool(pool)
                .dns(new GuardedDns(request.allowList(), dns))
                .socketFactory(new GuardedSocketFactory(request.allowList()))
                .build();
        Redactor redactor = new Redactor();
        for (String secret : probe.secrets()) {
            redactor.secret(secret, request.secrets().apply(secret));
        }
        Map<String, String> variables = new HashMap<>();
        StepRunner runner = new StepRunner(client, request.allowList(), request.secrets(), variables, redactor, mapper,
                probe.maxBodyBytes());
        List<StepResult> steps = new ArrayList<>();
        StepResult failed = null;
        try {
            for (Probe.Step step : probe.steps()) {
                StepBudget budget = StepBudget.of(probe, step, Duration.ofNanos(System.nanoTime() - start), !steps.isEmpty());
                StepResult result = budget.usedUp()
                        ? new StepResult(step.name(), step.dependency(), false, Reason.TIMEOUT, "the probe's timeout ("
                        + Durations.format(probe.timeout()) + ") was used up by earlier steps", 0, PhaseTimings.NONE, 0, null)
                        : runner.run(step, budget, started);
                steps.add(result);
                if (!result.success()) {
                    failed = result;
                    break;
                }
            }
        } finally {
            pool.evictAll();
        }
        long took = System.nanoTime() - start;
        return new ProbeResult(UUID.randomUUID(), probe.name(), probe.service(), request.trigger(),
                request.plannedAt() == null ? started : request.plannedAt(), started, took, failed == null,
                failed == null ? null : failed.reason(), failed == null ? null : failed.step(), steps);
    }
}
