package com.nightbff.nightwatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Multi-step journeys: extraction into later steps, JSON and header assertions, and redaction of what fails. */
class HttpProberJourneyTest {

    static final String LOGIN_PROBE = ProbeFixtures.PROBE_P + """
                - name: login
                  request:
                    method: POST
                    url: ${service:web}/api/auth/login
                    json: {email: "${secret:PROBE_USER_EMAIL}", password: "${secret:PROBE_USER_PASSWORD}"}
                  expect:
                    status: 200
                    json: {"$.accessToken": {exists: true}}
                  extract: {token: $.accessToken}
                - name: me
                  request:
                    url: ${service:web}/api/auth/me
                    headers: {Authorization: "Bearer ${token}"}
                  expect:
                    json: {"$.email": {equals: "probe@nightbff.test"}}
                - name: recommendations
                  request:
                    url: ${service:web}/api/interests/recommendations
                    headers: {Authorization: "Bearer ${token}"}
                  expect:
                    headers: {X-Cache: HIT}
                    json: {"$.venues[*].distanceKm": {max: 5}}
            """;

    private TestTargets targets;
    private HttpServer server;
    private final AtomicInteger meStatus = new AtomicInteger(200);

    @BeforeEach
    void setUp() throws Exception {
        targets = new TestTargets();
        server = targets.http();
        server.createContext("/api/auth/login", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("s3cr3t-Pa55word!")) {
                TestTargets.reply(exchange, 200, "{\"accessToken\":\"tok-123456789\"}", "Content-Type", "application/json");
            } else {
                TestTargets.reply(exchange, 401, "{}");
            }
        });
        server.createContext("/api/auth/me", exchange -> {
            boolean authorized = "Bearer tok-123456789".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            TestTargets.reply(exchange, authorized ? meStatus.get() : 401, "{\"email\":\"probe@nightbff.test\"}");
        });
        server.createContext("/api/interests/recommendations", TestTargets.fixed(200,
                "{\"venues\":[{\"distanceKm\":1.2},{\"distanceKm\":7.5}]}", "X-Cache", "MISS"));
    }

    @AfterEach
    void tearDown() throws Exception {
        targets.close();
    }

    @Test
    void theTokenFlowsIntoLaterStepsAndTheFirstFailingCheckIsNamed() {
        ProbeResult result = HttpProberFaultTest.run(TestTargets.base(server), LOGIN_PROBE);
        assertThat(result.steps()).extracting(StepResult::step).containsExactly("login", "me", "recommendations");
        assertThat(result.steps().get(0).success()).isTrue();
        assertThat(result.steps().get(1).success()).isTrue();
        StepResult failed = result.steps().get(2);
        assertThat(result.failedStep()).isEqualTo("recommendations");
        assertThat(failed.reason()).isEqualTo(Reason.ASSERTION);
        assertThat(failed.message()).isEqualTo("header X-Cache is 'MISS', expected 'HIT'");
        assertThat(failed.excerpt()).startsWith("HTTP 200\n").contains("X-cache: MISS").contains("\"distanceKm\":7.5");
    }

    @Test
    void aWildcardAssertionChecksEveryElement() {
        String probe = LOGIN_PROBE.replace("headers: {X-Cache: HIT}\n", "");
        ProbeResult result = HttpProberFaultTest.run(TestTargets.base(server), probe);
        assertThat(result.steps().get(2).message()).isEqualTo("$.venues[*].distanceKm is 7.5, above max 5.0");
    }

    @Test
    void aStatusFailureKeepsARedactedExcerpt() {
        meStatus.set(503);
        ProbeResult result = HttpProberFaultTest.run(TestTargets.base(server), LOGIN_PROBE);
        assertThat(result.reason()).isEqualTo(Reason.STATUS);
        assertThat(result.failedStep()).isEqualTo("me");
        assertThat(result.steps().get(1).message()).isEqualTo("status 503, expected 2xx");
    }

    @Test
    void aSecretEchoedInA500BodyIsScrubbedFromMessageAndExcerpt() throws Exception {
        HttpServer echo = targets.http();
        echo.createContext("/api/auth/login", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            TestTargets.reply(exchange, 500, "{\"error\":\"bad login\",\"received\":" + body + ",\"raw\":\"" + body.replace("\"", "\\\"")
                    + "\",\"sessionToken\":\"abc-def-ghi\"}", "Set-Cookie", "sid=s3cr3t-Pa55word!", "Authorization", "Bearer xyz");
        });
        ProbeResult result = HttpProberFaultTest.run(TestTargets.base(echo), LOGIN_PROBE);
        StepResult login = result.steps().get(0);
        assertThat(login.reason()).isEqualTo(Reason.STATUS);
        assertThat(login.excerpt()).doesNotContain("s3cr3t-Pa55word!").doesNotContain("Pa55word").doesNotContain("abc-def-ghi")
                .doesNotContain("Bearer xyz")
                .contains("[secret:PROBE_USER_PASSWORD]").contains("\"sessionToken\":\"[masked]\"").contains("Set-cookie: [masked]");
        assertThat(login.excerpt()).doesNotContain("probe@nightbff.test");
    }

    @Test
    void formBodiesTemplatedBodyChecksRegexAbsenceAndDurationAssertionsRunAgainstTheResponse() throws Exception {
        server.createContext("/form", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            TestTargets.reply(exchange, 200, "{\"echo\":\"" + body + "\",\"type\":\"" + type + "\",\"id\":\"plan-42\"}");
        });
        server.createContext("/slow", TestTargets.slow(300));
        String checks = """
                apiVersion: nightwatch/v1
                kind: Probe
                metadata: {name: p, service: web}
                spec:
                  interval: 10s
                  timeout: 3s
                  steps:
                    - name: form
                      request:
                        method: POST
                        url: ${service:web}/form
                        form: {user: "${secret:PROBE_USER_EMAIL}", n: "1"}
                      expect:
                        bodyContains: ["user=probe%40nightbff.test", "n=1", "application/x-www-form-urlencoded"]
                        json:
                          "$.id": {matches: '^plan-\\d+$'}
                          "$.error": {exists: false}
                    - name: slow
                      request: {url: "${service:web}/slow"}
                      expect: {maxDuration: MAX}
                """;
        ProbeResult passing = HttpProberFaultTest.run(TestTargets.base(server), checks.replace("MAX", "2s"));
        assertThat(passing.steps()).extracting(StepResult::success).containsExactly(true, true);

        ProbeResult tooSlow = HttpProberFaultTest.run(TestTargets.base(server), checks.replace("MAX", "100ms"));
        assertThat(tooSlow.failedStep()).isEqualTo("slow");
        assertThat(tooSlow.steps().get(1).message()).startsWith("took ").endsWith("more than maxDuration 100ms");

        ProbeResult wrongBody = HttpProberFaultTest.run(TestTargets.base(server), checks.replace("MAX", "2s").replace("n=1\"", "n=2\""));
        assertThat(wrongBody.steps().get(0).message()).isEqualTo("body does not contain 'n=2'");

        ProbeResult present = HttpProberFaultTest.run(TestTargets.base(server), checks.replace("MAX", "2s").replace("$.error", "$.type"));
        assertThat(present.steps().get(0).message()).contains("$.type");
        ProbeResult noMatch = HttpProberFaultTest.run(TestTargets.base(server), checks.replace("MAX", "2s").replace("^plan-", "^event-"));
        assertThat(noMatch.steps().get(0).reason()).isEqualTo(Reason.ASSERTION);
        assertThat(noMatch.steps().get(0).message()).contains("$.id");
    }

    static final String THREE_STEPS = """
            apiVersion: nightwatch/v1
            kind: Probe
            metadata: {name: p, service: web}
            spec:
              interval: 10s
              timeout: 5s
              steps:
                - {name: one, request: {url: "${service:web}/a"}}
                - {name: two, request: {method: SECOND, url: "${service:web}/b"}}
                - {name: three, request: {url: "${service:web}/c"}}
            """;

    @Test
    void anHttp10TargetThatClosesAfterEachResponseGetsAFreshConnectionPerStep() throws Exception {
        String base = "http://127.0.0.1:" + targets.closesAfterEachResponse("HTTP/1.0");
        ProbeResult result = HttpProberFaultTest.run(base, THREE_STEPS.replace("method: SECOND", "method: POST, json: {a: 1}"));
        assertThat(result.steps()).extracting(StepResult::success).containsExactly(true, true, true);
    }

    @Test
    void aKeptAliveConnectionTheTargetClosedIsReplacedForAGetButAPostIsNotSentTwice() throws Exception {
        String base = "http://127.0.0.1:" + closesKeptAliveConnectionsOnTheNextRequest();
        ProbeResult gets = HttpProberFaultTest.run(base, THREE_STEPS.replace("method: SECOND", "method: GET"));
        assertThat(gets.steps()).extracting(StepResult::success).containsExactly(true, true, true);

        // Step two meets the kept-alive connection only if it follows step one within the pool's 1 s keep-alive; after a
        // longer stall (a busy machine) the pool has dropped it and the POST goes on a fresh one, is answered, and the
        // run proves nothing about stale connections. So run until a POST met one; every run must send the POST once.
        boolean metStale = false;
        for (int attempt = 0; attempt < 5 && !metStale; attempt++) {
            received.clear();
            ProbeResult post = HttpProberFaultTest.run(base, THREE_STEPS.replace("method: SECOND", "method: POST, json: {a: 1}"));
            assertThat(List.copyOf(received)).as("requests the target read").filteredOn(r -> r.startsWith("POST ")).hasSize(1);
            metStale = received.contains("POST /b" + KEPT_ALIVE);
            if (metStale) {
                assertThat(post.failedStep()).isEqualTo("two");
                assertThat(post.reason()).isEqualTo(Reason.IO_ERROR);
            } else {
                assertThat(post.success()).as("a POST on a fresh connection is answered").isTrue();
            }
        }
        assertThat(metStale).as("one of five POSTs met the kept-alive connection the target closed").isTrue();
    }

    private static final String KEPT_ALIVE = " on a kept-alive connection, closed unanswered";

    /** Each request line ("METHOD /path") the keep-alive target read, in order; those it closed on say {@link #KEPT_ALIVE}. */
    private final List<String> received = new CopyOnWriteArrayList<>();

    /**
     * A target that answers the first request on each connection and keeps the connection, then closes it on reading
     * the next request there, unanswered: a keep-alive timeout racing the client's next request, which the target may
     * have read. Unlike a target that closes right after answering, it sees a request sent on the dead connection, so
     * a POST sent twice shows.
     */
    private int closesKeptAliveConnectionsOnTheNextRequest() throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ExecutorService threads = Executors.newCachedThreadPool();
        targets.add(() -> {
            listener.close();
            threads.shutdownNow();
        });
        threads.submit(() -> {
            while (!listener.isClosed()) {
                Socket connection = listener.accept();
                threads.submit(() -> serveKeptAlive(connection));
            }
            return null;
        });
        return listener.getLocalPort();
    }

    private Void serveKeptAlive(Socket connection) throws IOException {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            String first = readRequest(in);
            if (first == null) {
                return null;
            }
            received.add(first);
            connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}"
                    .getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
            String next = readRequest(in);
            if (next != null) {
                received.add(next + KEPT_ALIVE);
            }
        }
        return null;
    }

    /** Reads one request, body included, and returns "METHOD /path"; null when the client closed the connection first. */
    private static String readRequest(BufferedReader in) throws IOException {
        String requestLine = in.readLine();
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        int length = 0;
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n == -1) {
                break;
            }
            read += n;
        }
        return requestLine.substring(0, requestLine.lastIndexOf(' '));
    }

    @Test
    void aSecretMissingAtRunTimeFailsTheStepWithoutSendingIt() {
        var probes = ProbeFixtures.probes(ProbeFixtures.bundle(TestTargets.base(server), "").put("probes/p.yaml", LOGIN_PROBE));
        ProbeResult result = new HttpProber(java.time.Clock.systemUTC()).run(probes.probe("p").orElseThrow(),
                new com.nightbff.nightwatch.probes.Prober.RunRequest(null, ProbeResult.MANUAL, name -> null, probes.allowList()));
        assertThat(result.reason()).isEqualTo(Reason.SECRET_MISSING);
        assertThat(result.steps().get(0).message()).isEqualTo("secret PROBE_USER_EMAIL is not set in the environment, or is empty");
    }
}
