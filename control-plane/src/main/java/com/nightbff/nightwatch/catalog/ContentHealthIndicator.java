package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.SpecProblem;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Content in /actuator/health: DOWN without any valid content; UP with the rejection shown when the
 * newest revision was refused, because the last good one still runs and the plane works; UP with the
 * warnings when the active revision runs without a secret some probes need (those probes fail, the rest run).
 */
@Component("content")
class ContentHealthIndicator implements HealthIndicator {

    private final ContentCatalog catalog;

    ContentHealthIndicator(ContentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Health health() {
        ContentStatus status = catalog.status();
        Health.Builder builder = status.active() == null ? Health.down() : Health.up();
        if (status.active() != null) {
            builder.withDetail("revision", status.active().sha());
        }
        if (status.rejected() != null) {
            builder.withDetail("rejectedRevision", status.rejected().sha()).withDetail("problems", status.problems().size());
        }
        if (!status.warnings().isEmpty()) {
            builder.withDetail("warnings", status.warnings().stream().map(SpecProblem::format).toList());
        }
        if (status.sourceError() != null) {
            builder.withDetail("sourceError", status.sourceError());
        }
        return builder.build();
    }
}
