package com.nightbff.nightwatch.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.catalog.DirectoryContentSource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probes shipped in the repository validate against the repository's fleet. */
class ShippedProbesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theJourneysAndOneReachabilityProbePerServiceAreValid() {
        Probes probes = ProbeFixtures.probes(new DirectoryContentSource(ROOT));
        assertThat(probes.probes()).extracting(Probe::name).contains("auth-login", "plan-creation", "interests", "venue-search",
                "reachability-auth", "reachability-user", "reachability-plan", "reachability-event", "reachability-interest",
                "reachability-venue", "reachability-chat", "reachability-notification");
        Probe plan = probes.probe("plan-creation").orElseThrow();
        assertThat(plan.steps().get(1).dependency()).isEqualTo("geocoding");
        assertThat(plan.steps().get(1).request().url().source()).isEqualTo("${service:plan}/api/plans");
        assertThat(plan.secrets()).containsExactly("PROBE_USER_EMAIL", "PROBE_USER_PASSWORD");
    }

    @Test
    void withoutTheProbeUserSecretsTheBundleIsRejectedWithClearErrors() {
        var result = ProbeFixtures.load(new DirectoryContentSource(ROOT), Map.of());
        var problems = result.problems();
        assertThat(result.valid()).as("a new revision is rejected").isFalse();
        assertThat(problems).isNotEmpty().allMatch(p -> p.code().equals("secret_missing"));
        assertThat(problems.get(0).format()).isEqualTo("probes/auth-login.yaml:16:15: spec.steps[0].request.json: secret_missing: "
                + "secret PROBE_USER_EMAIL is not set in the environment, or is empty (hint: export PROBE_USER_EMAIL (not empty) where "
                + "Nightwatch runs, then restart it; secrets never live in content)");
    }

    @Test
    void withoutTheSecretsTheContentIsStillSoundSoAnAppliedRevisionCanKeepRunning() {
        var result = ProbeFixtures.load(new DirectoryContentSource(ROOT), Map.of());
        assertThat(result.runnable()).isTrue();
        assertThat(result.snapshot().warnings()).isEqualTo(result.problems());
        assertThat(result.snapshot().section(Probes.class).orElseThrow().probes()).as("every probe, those needing no secret too")
                .hasSize(12);
        assertThat(ProbeFixtures.load(new DirectoryContentSource(ROOT), ProbeFixtures.ENV).snapshot().warnings()).isEmpty();
    }
}
