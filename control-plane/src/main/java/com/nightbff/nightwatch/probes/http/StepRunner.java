package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.AllowList;
import com.nightbff.nightwatch.probes.BodyTemplates;
import com.nightbff.nightwatch.probes.PhaseTimings;
import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import com.nightbff.nightwatch.probes.Template;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.json.JsonMapper;

/** Runs one step of one run: builds the request, follows allowed redirects, reads a bounded body, checks. */
final class StepRunner {

    static final int MAX_REDIRECTS = 5;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final AllowList allowList;
    private final Function<String, String> secrets;
    private final Map<String, String> variables;
    private final Redactor redactor;
    private final JsonMapper mapper;
    private final long maxBodyBytes;

    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    StepRunner(OkHttpClient client, AllowList allowList, Function<String, String> secrets, Map<String, String> variables,
               Redactor redactor, JsonMapper mapper, long maxBodyBytes) {
        this.client = client;
        this.allowList = allowList;
        this.secrets = secrets;
        this.variables = variables;
        this.redactor = redactor;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    StepResult run(Probe.Step step, StepBudget budget, Instant now) {
        long start = System.nanoTime();
        PhaseTimings phases = PhaseTimings.NONE;
        Request request;
        try {
            request = build(step.request(), now);
        } catch (Template.MissingSecretException e) {
            return fail(step, Reason.SECRET_MISSING, e.getMessage(), 0, phases, start, null);
        } catch (IllegalArgumentException e) {
            return fail(step, Reason.ASSERTION, "the request URL is invalid: " + e.getMessage(), 0, phases, start, null);
        }
        if (!allowList.allowsHost(request.url().host())) {
            return fail(step, Reason.TARGET_NOT_ALLOWED, "host " + request.url().host() + " is not in the allow list", 0, phases,
                    start, null);
        }
        long deadline = start + budget.time().toNanos();
        int redirects = 0;
        boolean replacedStale = false;
        while (true) {
            PhaseListener listener = new PhaseListener();
            OkHttpClient stepClient = client.newBuilder().eventListener(listener).build();
            Call call = stepClient.newCall(request);
            call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            Response response;
            BoundedBody.Body body;
            try {
                response = call.execute();
                try (response) {
                    body = BoundedBody.read(response, maxBodyBytes);
                    listener.bodyRead();
                }
            } catch (IOException e) {
                if (listener.staleConnection() && IDEMPOTENT.contains(request.method()) && !replacedStale && !call.isCanceled()
                        && System.nanoTime() < deadline) {
                    // Once per request, as browsers do; the time spent counts in the step's duration. Only for methods
                    // safe to send twice: a POST the target may have read is reported, not repeated.
                    replacedStale = true;
                    client.connectionPool().evictAll();
                    continue;
                }
                listener.failed();
                phases = phases.plus(listener.timings());
                Reason reason = Failures.classify(e, call.isCanceled() || System.nanoTime() >= deadline);
                return fail(step, reason, Failures.describe(reason, e, budget.limit()), 0, phases, start, null);
            }
            phases = phases.plus(listener.timings());
            if (response.protocol() == Protocol.HTTP_1_0 && !"keep-alive".equalsIgnoreCase(response.header("Connection"))) {
                // An HTTP/1.0 server closes the connection after answering unless it says otherwise; the next step
                // (a POST among them, which is not sent twice) must not find it dead.
                client.connectionPool().evictAll();
            }
            if (body.tooLarge()) {
                return fail(step, Reason.BODY_TOO_LARGE, "response body exceeds " + maxBodyBytes + " bytes", response.code(), phases,
                        start, Excerpt.of(response, body, redactor));
            }
            if (response.isRedirect() && !step.expect().status().contains(response.code())) {
                String location = response.header("Location");
                HttpUrl next = location == null ? null : request.url().resolve(location);
                if (!step.request().followRedirects()) {
                    return fail(step, Reason.REDIRECT_BLOCKED, "redirect to " + location + " not followed (followRedirects is false)",
                            response.code(), phases, start, Excerpt.of(response, body, redactor));
                }
                if (next == null || !allowList.allowsHost(next.host())) {
                    return fail(step, Reason.REDIRECT_BLOCKED, "redirect to " + location + " leaves the allow list", response.code(),
                            phases, start, Excerpt.of(response, body, redactor));
                }
                if (++redirects > MAX_REDIRECTS) {
                    return fail(step, Reason.REDIRECT_BLOCKED, "more than " + MAX_REDIRECTS + " redirects", response.code(), phases,
                            start, Excerpt.of(response, body, redactor));
                }
                boolean keepMethod = response.code() == 307 || response.code() == 308;
                okhttp3.Request.Builder hop = request.newBuilder().url(next);
                if (!keepMethod) {
                    hop.method("GET", null);
                }
                if (!next.host().equals(request.url().host()) || next.port() != request.url().port()) {
                    // Credentials are for the origin they were written for, as browsers and OkHttp itself do.
                    hop.removeHeader("Authorization").removeHeader("Cookie").removeHeader("Proxy-Authorization");
                }
                request = hop.build();
                continue;
            }
            long took = System.nanoTime() - start;
            Check check = new Check(step, response, body, mapper, secrets, variables, now, redactor);
            Check.Outcome outcome = check.run(took);
            if (outcome != null) {
                return fail(step, outcome.reason(), outcome.message(), response.code(), phases, start,
                        Excerpt.of(response, body, redactor));
            }
            return new StepResult(step.name(), step.dependency(), true, null, null, response.code(), phases, took, null);
        }
    }

    private Request build(Probe.Request spec, Instant now) {
        String url = spec.url().render(secrets, variables, now);
        Request.Builder builder = new Request.Builder().url(url).header("User-Agent", "nightwatch-probe/1");
        spec.headers().forEach((name, value) -> builder.header(name, value.render(secrets, variables, now)));
        RequestBody body = null;
        if (spec.json() != null) {
            Object rendered = BodyTemplates.render(spec.json(), secrets, variables, now);
            body = RequestBody.create(mapper.writeValueAsString(rendered), JSON);
        } else if (!spec.form().isEmpty()) {
            FormBody.Builder form = new FormBody.Builder();
            spec.form().forEach((k, v) -> form.add(k, v.render(secrets, variables, now)));
            body = form.build();
        }
        boolean needsBody = spec.method().equals("POST") || spec.method().equals("PUT") || spec.method().equals("PATCH");
        if (body == null && needsBody) {
            body = RequestBody.create(new byte[0], null);
        }
        return builder.method(spec.method(), body).build();
    }

    private StepResult fail(Probe.Step step, Reason reason, String message, int status, PhaseTimings phases, long start,
                            String excerpt) {
        return new StepResult(step.name(), step.dependency(), false, reason, redactor.scrub(message), status, phases,
                System.nanoTime() - start, excerpt);
    }
}
