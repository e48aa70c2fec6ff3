package com.nightbff.nightwatch.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redis going away while the interest service runs, on a private redis-server so the shared one
 * stays up: requests fail fast with a NestJS-style 5xx instead of hanging, health says why, and
 * caching resumes when Redis is back.
 */
class RedisOutageIT {

    @Test
    void aRedisThatDiesMidRunGivesFastJsonErrorsAndCachingResumesWhenItReturns() throws Exception {
        int port = freePort();
        Path dir = Files.createTempDirectory("sandbox-redis");
        Process redis = startRedis(port, dir);
        try (TestSandbox sandbox = TestSandbox.withRedis("redis://127.0.0.1:" + port + "/0")) {
            String token = sandbox.login();
            int interest = sandbox.port("interest");
            Http.get(interest, "/api/interests/recommendations", token);
            assertThat(Http.get(interest, "/api/interests/recommendations", token).raw().headers().firstValue("X-Cache"))
                    .contains("HIT");

            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long start = System.nanoTime();
            Http.Res during = Http.get(interest, "/api/interests/recommendations", token);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(during.status()).isGreaterThanOrEqualTo(500);
            assertThat(during.body()).contains("\"statusCode\":" + during.status());
            // Redis commands time out after 1 s; the margin is for a stalled machine, well short of the client's 10 s.
            assertThat(took).as("fails fast, does not hang").isLessThan(Duration.ofSeconds(5));
            assertThat(Http.get(interest, "/health", null).body()).doesNotContain("\"status\":\"connected\"");

            redis = startRedis(port, dir);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String cache = "";
            while (System.nanoTime() < deadline && !"HIT".equals(cache)) {
                Http.Res again = Http.get(interest, "/api/interests/recommendations", token);
                cache = again.status() == 200 ? again.raw().headers().firstValue("X-Cache").orElse("") : "";
                Thread.sleep(250);
            }
            assertThat(cache).as("cache hits again after Redis returns").isEqualTo("HIT");
        } finally {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startRedis(int port, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
        for (int i = 0; i < 50; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
