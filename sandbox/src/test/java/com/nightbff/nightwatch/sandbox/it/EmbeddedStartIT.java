package com.nightbff.nightwatch.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.sandbox.Sandbox;
import com.nightbff.nightwatch.sandbox.SandboxOptions;
import com.nightbff.nightwatch.sandbox.fleet.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The zero-config path: embedded PostgreSQL under --data-dir, and an env folder that appears after start. */
class EmbeddedStartIT {

    @Test
    void startsOnEmbeddedPostgresOnceTheEnvFolderAppears() throws Exception {
        Path envDir = Files.createTempDirectory("sandbox-late-").resolve("deploy");
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "nightwatch-sandbox-it", "embedded-data");
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(1500);
                Path tmp = Files.createDirectories(envDir.resolveSibling("staging"));
                for (String service : Ports.SERVICES.keySet()) {
                    Files.writeString(tmp.resolve(service + ".env"), "SERVICE_NAME=" + service + "\nDB_POOL_SIZE=4\n");
                }
                Files.move(tmp, envDir);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        SandboxOptions options = SandboxOptions.parse("--env-dir", envDir.toString(), "--data-dir", dataDir.toString(),
                "--port-offset", Integer.toString(TestSandbox.OFFSET), "--redis-prefix", "it-embedded:");
        try (Sandbox sandbox = Sandbox.start(options)) {
            assertThat(sandbox.database().jdbcUrl()).doesNotContain(":5432/");
            Http.Res login = Http.send(sandbox.port("auth"), "POST", "/api/auth/login", null,
                    "{\"email\":\"probe@nightbff.test\",\"password\":\"nightwatch-probe\"}");
            assertThat(login.status()).isEqualTo(200);
            var status = Http.get(sandbox.controlPort(), "/_sandbox/status", null).json();
            assertThat(status.path("services").path(0).path("poolMax").asInt()).isEqualTo(4);
            assertThat(status.path("database").path("embedded").asBoolean()).isTrue();
        }
        writer.join();
    }
}
