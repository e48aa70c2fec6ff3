package com.nightbff.nightwatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.PhaseTimings;
import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import com.nightbff.nightwatch.probes.internal.ProbeMetrics;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.Dns;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Phase timings of steps that fail part-way: the phase under way at the failure runs to it, phases never
 * reached are null (n/a), and the timeout message names the timeout the user configured.
 */
class HttpProberPhasesTest {

    private TestTargets targets;

    @BeforeEach
    void setUp() {
        targets = new TestTargets();
    }

    @AfterEach
    void tearDown() throws Exception {
        targets.close();
    }

    private static long ms(Long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private static String twoSteps(String firstPath, String secondPath, String secondExtra) {
        return ProbeFixtures.PROBE_P + """
                    - {name: one, request: {url: "${service:web}%s"}}
                    - name: two
                      request: {url: "${service:web}%s"}
                %s""".formatted(firstPath, secondPath, secondExtra);
    }

    @Test
    void aRequestSentButNeverAnsweredIsProcessingUpToTheTimeout() throws Exception {
        HttpServer server = targets.http();
        server.createContext("/slow", TestTargets.slow(3000));
        ProbeResult result = HttpProberFaultTest.run(TestTargets.base(server), ProbeFixtures.getProbe("/slow", "      timeout: 1s\n"));
        StepResult step = HttpProberFaultTest.only(result);
        assertThat(step.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(step.message()).isEqualTo("no complete response within 1s (the step's timeout)");
        PhaseTimings phases = step.phases();
        assertThat(ms(phases.processingNanos())).as("the wait for a response is processing").isBetween(900L, 1500L);
        assertThat(phases.connectNanos()).isNotNull();
        assertThat(phases.resolveNanos()).as("an IP address is not resolved").isNull();
        assertThat(phases.tlsNanos()).as("plain http has no TLS").isNull();
        assertThat(phases.transferNanos()).as("no response, no transfer").isNull();

        PrometheusRegistry registry = new PrometheusRegistry();
        new ProbeMetrics(registry).record(result);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        String metrics = out.toString(StandardCharsets.UTF_8);
        String series = "probe_http_duration_seconds\\{phase=\"processing\",probe=\"p\",service=\"web\",step=\"s\"}";
        assertThat(metrics).containsPattern(series + " (0\\.9|1\\.)")
                .contains("probe_http_duration_seconds{phase=\"tls\",probe=\"p\",service=\"web\",step=\"s\"} 0.0")
                .contains("probe_http_status_code{probe=\"p\",service=\"web\",step=\"s\"} 0.0");
    }

    @Test
    void aBodyThatStallsAfterTheHeadersIsTransferUpToTheTimeout() throws Exception {
        int port = targets.trickle(50);
        StepResult step = HttpProberFaultTest.only(HttpProberFaultTest.run("http://127.0.0.1:" + port,
                ProbeFixtures.getProbe("/", "      timeout: 800ms\n")));
        assertThat(step.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(step.message()).isEqualTo("no complete response within 800ms (the step's timeout)");
        assertThat(ms(step.phases().processingNanos())).isLessThan(400L);
        assertThat(ms(step.phases().transferNanos())).as("the trickle is transfer").isBetween(400L, 1300L);
    }

    @Test
    void aRefusedConnectionIsConnectTimeAndNothingAfterIt() throws Exception {
        StepResult step = HttpProberFaultTest.only(HttpProberFaultTest.run("http://127.0.0.1:" + TestTargets.closedPort(),
                ProbeFixtures.getProbe("/", "")));
        assertThat(step.reason()).isEqualTo(Reason.CONNECT_REFUSED);
        assertThat(step.phases().connectNanos()).isNotNull();
        assertThat(step.phases()).extracting(PhaseTimings::tlsNanos, PhaseTimings::processingNanos, PhaseTimings::transferNanos)
                .containsOnlyNulls();
    }

    @Test
    void aFailedHandshakeIsTlsTimeAndNothingAfterIt() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();
        HandshakeCertificates certs = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        var https = com.sun.net.httpserver.HttpsServer.create(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(certs.sslContext()));
        https.createContext("/", TestTargets.fixed(200, "ok"));
        https.start();
        targets.add(() -> https.stop(0));
        StepResult step = HttpProberFaultTest.only(HttpProberFaultTest.run("https://127.0.0.1:" + https.getAddress().getPort(),
                ProbeFixtures.getProbe("/", "")));
        assertThat(step.reason()).isEqualTo(Reason.TLS);
        assertThat(step.phases().connectNanos()).isNotNull();
        assertThat(step.phases().tlsNanos()).isNotNull();
        assertThat(step.phases().processingNanos()).isNull();
    }

    @Test
    void aNameIsResolvedAndAReusedConnectionHasNoResolveConnectOrTls() throws Exception {
        HttpServer server = targets.http();
        server.createContext("/ok", TestTargets.fixed(200, "{}"));
        Dns dns = host -> List.of(InetAddress.getByName("127.0.0.1"));
        ProbeResult result = HttpProberFaultTest.run("http://web.example:" + server.getAddress().getPort(), "",
                twoSteps("/ok", "/ok", ""), dns);
        assertThat(result.success()).isTrue();
        PhaseTimings first = result.steps().get(0).phases();
        assertThat(first.resolveNanos()).isNotNull();
        assertThat(first.connectNanos()).isNotNull();
        assertThat(first.tlsNanos()).isNull();
        assertThat(first.transferNanos()).isNotNull();
        PhaseTimings second = result.steps().get(1).phases();
        assertThat(second).extracting(PhaseTimings::resolveNanos, PhaseTimings::connectNanos, PhaseTimings::tlsNanos).containsOnlyNulls();
        assertThat(second.processingNanos()).isNotNull();
    }

    @Test
    void theTimeoutMessageNamesTheProbesTimeoutAndWhatEarlierStepsUsedOfIt() throws Exception {
        HttpServer server = targets.http();
        server.createContext("/ok", TestTargets.fixed(200, "{}"));
        server.createContext("/slow", TestTargets.slow(2500));
        StepResult first = HttpProberFaultTest.run(TestTargets.base(server), twoSteps("/slow", "/ok", "")).steps().get(0);
        assertThat(first.message()).isEqualTo("no complete response within 2s (the probe's timeout)");

        StepResult second = HttpProberFaultTest.run(TestTargets.base(server), twoSteps("/ok", "/slow", "")).steps().get(1);
        assertThat(second.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(second.message()).matches("no complete response within 2s \\(the probe's timeout; earlier steps used \\d+ms of it\\)");

        StepResult ownTimeout = HttpProberFaultTest.run(TestTargets.base(server), twoSteps("/ok", "/slow", "      timeout: 300ms\n"))
                .steps().get(1);
        assertThat(ownTimeout.message()).isEqualTo("no complete response within 300ms (the step's timeout)");
    }
}
