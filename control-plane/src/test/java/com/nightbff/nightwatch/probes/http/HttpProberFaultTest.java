package com.nightbff.nightwatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Prober;
import com.nightbff.nightwatch.probes.Probes;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Dns;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each misbehaving target of the issue, against a real socket, turns into the right reason within the timeout. */
class HttpProberFaultTest {

    private TestTargets targets;

    @BeforeEach
    void setUp() {
        targets = new TestTargets();
    }

    @AfterEach
    void tearDown() throws Exception {
        targets.close();
    }

    static ProbeResult run(String baseUrl, String fleetExtra, String probeYaml, Dns dns) {
        Probes probes = ProbeFixtures.probes(ProbeFixtures.bundle(baseUrl, fleetExtra).put("probes/p.yaml", probeYaml));
        return new HttpProber(Clock.systemUTC(), dns).run(probes.probe("p").orElseThrow(),
                new Prober.RunRequest(Instant.now(), ProbeResult.MANUAL, ProbeFixtures.ENV::get, probes.allowList()));
    }

    static ProbeResult run(String baseUrl, String probeYaml) {
        return run(baseUrl, "", probeYaml, Dns.SYSTEM);
    }

    static StepResult only(ProbeResult result) {
        assertThat(result.steps()).hasSize(1);
        return result.steps().get(0);
    }

    @Test
    void aTargetThatNeverAnswersTimesOutAtTheStepTimeout() throws Exception {
        int port = targets.silent();
        ProbeResult result = run("http://127.0.0.1:" + port, ProbeFixtures.getProbe("/", "      timeout: 500ms\n"));
        assertThat(result.success()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(only(result).message()).isEqualTo("no complete response within 500ms (the step's timeout)");
        // The run's own clock (bundle parsing is not the probe's time); the target never answers, so without the
        // timeout the run would not end at all: three times the timeout leaves a busy machine room and still says "ended".
        assertThat(Duration.ofNanos(result.durationNanos())).isBetween(Duration.ofMillis(450), Duration.ofMillis(1500));
    }

    @Test
    void theProbeTimeoutBoundsAllStepsTogether() throws Exception {
        com.sun.net.httpserver.HttpServer slow = targets.http();
        // Each step takes 2.5 s and the probe has 4 s: with one budget for the whole probe the first step passes and
        // the second times out at about 4 s; with a budget per step (4 s each, the steps' default) all three would pass,
        // taking at least 7.5 s.
        slow.createContext("/slow", TestTargets.slow(2500));
        String probe = """
                apiVersion: nightwatch/v1
                kind: Probe
                metadata: {name: p, service: web}
                spec:
                  interval: 10s
                  timeout: 4s
                  steps:
                    - {name: one, request: {url: "${service:web}/slow"}}
                    - {name: two, request: {url: "${service:web}/slow"}}
                    - {name: three, request: {url: "${service:web}/slow"}}
                """;
        ProbeResult result = run(TestTargets.base(slow), probe);
        assertThat(result.steps()).extracting(StepResult::success).containsExactly(true, false);
        assertThat(result.failedStep()).isEqualTo("two");
        assertThat(result.reason()).isEqualTo(Reason.TIMEOUT);
        // A budget per step cannot end before 7.5 s however fast the machine; one for the probe ends at about 4 s.
        assertThat(Duration.ofNanos(result.durationNanos())).as("four seconds for the whole probe, not four per step")
                .isLessThan(Duration.ofMillis(7000));
    }

    @Test
    void aTricklingBodyTimesOutEvenThoughBytesKeepArriving() throws Exception {
        int port = targets.trickle(50);
        ProbeResult result = run("http://127.0.0.1:" + port, ProbeFixtures.getProbe("/", "      timeout: 700ms\n"));
        assertThat(result.reason()).isEqualTo(Reason.TIMEOUT);
        // The whole body would take 10,000 x 50 ms = 500 s; a per-read timeout would never fire. Three times the timeout.
        assertThat(Duration.ofNanos(result.durationNanos())).isLessThan(Duration.ofMillis(2100));
    }

    @Test
    void aFiftyMegabyteBodyIsCutOffAtTheLimit() throws Exception {
        HttpServer server = targets.http();
        byte[] chunk = new byte[64 * 1024];
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50 * 16; i++) {
                    out.write(chunk);
                }
            } catch (java.io.IOException e) {
                // the prober stopped reading, as it should
            }
        });
        server.createContext("/declared", exchange -> {
            exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
            exchange.close();
        });
        ProbeResult chunked = run(TestTargets.base(server), ProbeFixtures.getProbe("/big", ""));
        assertThat(chunked.reason()).isEqualTo(Reason.BODY_TOO_LARGE);
        assertThat(only(chunked).message()).isEqualTo("response body exceeds 1048576 bytes");
        ProbeResult declared = run(TestTargets.base(server), ProbeFixtures.getProbe("/declared", ""));
        assertThat(declared.reason()).isEqualTo(Reason.BODY_TOO_LARGE);
    }

    @Test
    void aClosedPortIsConnectRefused() throws Exception {
        ProbeResult result = run("http://127.0.0.1:" + TestTargets.closedPort(), ProbeFixtures.getProbe("/", ""));
        assertThat(result.reason()).isEqualTo(Reason.CONNECT_REFUSED);
        assertThat(only(result).message()).startsWith("connection refused:");
        assertThat(only(result).statusCode()).isZero();
    }

    @Test
    void anUnknownHostIsDns() {
        Dns nxdomain = host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        };
        ProbeResult result = run("http://no-such-host.invalid:8080", "", ProbeFixtures.getProbe("/", ""), nxdomain);
        assertThat(result.reason()).isEqualTo(Reason.DNS);
        assertThat(only(result).message()).isEqualTo("could not resolve host: no-such-host.invalid: Name or service not known");
    }

    @Test
    void anUnknownHostThroughTheSystemResolverIsDnsToo() {
        ProbeResult result = run("http://no-such-host.invalid:8080", ProbeFixtures.getProbe("/", ""));
        assertThat(result.reason()).isIn(Reason.DNS, Reason.TIMEOUT);
    }

    @Test
    void aSelfSignedCertificateIsTls() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();
        HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        var https = com.sun.net.httpserver.HttpsServer.create(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(server.sslContext()));
        https.createContext("/", TestTargets.fixed(200, "ok"));
        https.start();
        targets.add(() -> https.stop(0));
        ProbeResult result = run("https://127.0.0.1:" + https.getAddress().getPort(), ProbeFixtures.getProbe("/", ""));
        assertThat(result.reason()).isEqualTo(Reason.TLS);
        assertThat(only(result).message()).startsWith("TLS handshake failed:");
    }

    @Test
    void aRedirectOutsideTheAllowListIsBlockedWithoutConnecting() throws Exception {
        HttpServer server = targets.http();
        server.createContext("/r", TestTargets.fixed(302, "", "Location", "http://169.254.169.254/latest/meta-data/"));
        ProbeResult followed = run(TestTargets.base(server), ProbeFixtures.getProbe("/r", "      followRedirects: true\n")
                .replace("request: {url: \"${service:web}/r\"}\n      followRedirects: true",
                        "request: {url: \"${service:web}/r\", followRedirects: true}"));
        assertThat(followed.reason()).isEqualTo(Reason.REDIRECT_BLOCKED);
        assertThat(only(followed).message()).isEqualTo("redirect to http://169.254.169.254/latest/meta-data/ leaves the allow list");
        ProbeResult notFollowed = run(TestTargets.base(server), ProbeFixtures.getProbe("/r", ""));
        assertThat(notFollowed.reason()).isEqualTo(Reason.REDIRECT_BLOCKED);
        assertThat(only(notFollowed).message()).contains("not followed (followRedirects is false)");
    }

    @Test
    void anAllowedRedirectIsFollowed() throws Exception {
        HttpServer server = targets.http();
        server.createContext("/r", TestTargets.fixed(302, "", "Location", "/ok"));
        server.createContext("/ok", TestTargets.fixed(200, "fine"));
        ProbeResult result = run(TestTargets.base(server), ProbeFixtures.getProbe("/r", "")
                .replace("request: {url: \"${service:web}/r\"}", "request: {url: \"${service:web}/r\", followRedirects: true}"));
        assertThat(result.success()).isTrue();
        assertThat(only(result).statusCode()).isEqualTo(200);
    }

    @Test
    void aListedNameThatResolvesToLoopbackIsRefusedAtConnectTime() throws Exception {
        HttpServer server = targets.http();
        server.createContext("/", TestTargets.fixed(200, "internal"));
        // 127.0.0.1 is listed (the fixture's geocoder lives there); 127.0.0.2 is loopback and not listed
        Dns rebinding = host -> List.of(InetAddress.getByName("127.0.0.2"));
        ProbeResult result = run("http://rebind.example:" + server.getAddress().getPort(), "", ProbeFixtures.getProbe("/", ""),
                rebinding);
        assertThat(result.reason()).isEqualTo(Reason.TARGET_NOT_ALLOWED);
        assertThat(only(result).message()).isEqualTo("host rebind.example resolved to [127.0.0.2], none of which may be probed");
    }

    @Test
    void aDelayIsMeasuredAsProcessingTime() throws Exception {
        HttpServer server = targets.http();
        server.createContext("/slow", TestTargets.slow(120));
        run(TestTargets.base(server), ProbeFixtures.getProbe("/slow", ""));
        ProbeResult result = run(TestTargets.base(server), ProbeFixtures.getProbe("/slow", ""));
        StepResult step = only(result);
        assertThat(step.success()).isTrue();
        // The target sleeps 120 ms before answering: the lower bound says that wait is counted as processing, the check
        // against the step's duration below that it is not over-counted. No ceiling: a stalled machine only adds to it.
        assertThat(Duration.ofNanos(step.phases().processingNanos()).toMillis()).isGreaterThanOrEqualTo(118L);
        assertThat(step.phases().connectNanos()).isPositive();
        assertThat(step.phases().resolveNanos()).as("an IP address is not resolved").isNull();
        assertThat(step.durationNanos()).isGreaterThanOrEqualTo(step.phases().processingNanos());
    }
}
