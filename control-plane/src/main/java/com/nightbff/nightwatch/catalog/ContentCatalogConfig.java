package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.gitops.ContentRepository;
import com.nightbff.nightwatch.gitops.ContentSeeder;
import com.nightbff.nightwatch.system.AuditLog;
import com.nightbff.nightwatch.system.NightwatchProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Wires the content repository (configured, or seeded for the zero-config run) and its poll schedule. */
@Configuration(proxyBeanMethods = false)
class ContentCatalogConfig {

    static final String ZERO_CONFIG_REPO = "content";

    @Bean(destroyMethod = "close")
    ContentRepository contentRepository(NightwatchProperties props) {
        NightwatchProperties.Content content = props.content();
        Path dataDir = Path.of(props.dataDir());
        if (content.uri().isBlank()) {
            Path repo = dataDir.resolve(ZERO_CONFIG_REPO);
            ContentSeeder.seedIfMissing(Path.of(content.seedDir()), repo, content.branch());
            return ContentRepository.openLocal(repo, content.branch());
        }
        if (ContentRepository.isRemote(content.uri())) {
            var credentials = content.username().isBlank() && content.token().isBlank() ? null
                    : new UsernamePasswordCredentialsProvider(content.username(), content.token());
            return ContentRepository.cloneRemote(content.uri(), content.branch(), dataDir.resolve("content-clone"), credentials);
        }
        return ContentRepository.openLocal(Path.of(content.uri()), content.branch());
    }

    @Bean
    BundleLoader bundleLoader(Clock clock) {
        return new BundleLoader(ContentModules.defaults(), clock);
    }

    @Bean
    ContentCatalog contentCatalog(ContentRepository repository, BundleLoader loader, ContentRevisionStore store,
                                  ContentMetrics metrics, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        return new ContentCatalog(repository, loader, store, metrics, events, audit, clock);
    }

    /** Loads content before the first poll fires, so the console has it from the first request. */
    @Bean
    @Order(10)
    ApplicationRunner initialContentLoad(ContentCatalog catalog) {
        return args -> catalog.start();
    }

    @Bean
    JobDetail contentPollJob() {
        return JobBuilder.newJob(ContentPollJob.class).withIdentity("content-poll", "nightwatch").storeDurably()
                .withDescription("Polls the content repository and applies valid new revisions").build();
    }

    @Bean
    Trigger contentPollTrigger(JobDetail contentPollJob, NightwatchProperties props) {
        long millis = Math.max(1_000, props.content().pollInterval().toMillis());
        return TriggerBuilder.newTrigger().forJob(contentPollJob).withIdentity("content-poll", "nightwatch")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(millis).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
