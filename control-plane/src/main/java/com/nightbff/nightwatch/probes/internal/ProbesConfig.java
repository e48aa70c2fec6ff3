package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.catalog.ContentApplied;
import com.nightbff.nightwatch.probes.ProbeCompleted;
import com.nightbff.nightwatch.probes.ProbeService;
import com.nightbff.nightwatch.probes.Probes;
import com.nightbff.nightwatch.probes.Secrets;
import com.nightbff.nightwatch.probes.http.HttpProber;
import com.nightbff.nightwatch.system.AuditLog;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the prober, engine, schedule, result writer and retention job; reschedules on every applied revision.
 * With {@code nightwatch.probes.enabled=false} the replica neither schedules nor runs probes, but still lists the
 * active ones with the results the others store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProbesSettings.class)
public class ProbesConfig {

    @Bean
    ProbeMetrics probeMetrics(PrometheusRegistry registry) {
        return new ProbeMetrics(registry);
    }

    @Bean
    ResultStore probeResultStore(DataSource dataSource) {
        return new ResultStore(dataSource);
    }

    @Bean(destroyMethod = "close")
    ResultWriter probeResultWriter(ResultStore store, ProbesSettings settings, PrometheusRegistry registry) {
        return new ResultWriter(store, settings.buffer(), settings.batch(), settings.flushInterval(), registry);
    }

    @Bean(destroyMethod = "close")
    ProbeEngine probeEngine(ProbeMetrics metrics, ResultWriter writer, ApplicationEventPublisher events, Clock clock,
                            ProbesSettings settings) {
        // Validation already refuses the plane's own variables and blank values; the resolver refuses them again.
        return new ProbeEngine(List.of(new HttpProber(clock)), Secrets.from(System::getenv), metrics, result -> {
            writer.offer(result);
            events.publishEvent(new ProbeCompleted(result));
        }, clock, settings.concurrency(), settings.queue());
    }

    /**
     * Two failed checks engage the local timers. A check that fails outright counts; one merely waiting
     * for a busy pool counts only once it has waited 3 s (the pool gives up at 5 s): a slow moment is not
     * an outage, and a false alarm would make every replica run every probe.
     */
    @Bean(destroyMethod = "close")
    ScheduleFallback probeScheduleFallback(ProbeEngine engine, DataSource dataSource, Clock clock, PrometheusRegistry registry,
                                           ProbesSettings settings) {
        ScheduleFallback fallback = new ScheduleFallback(engine, () -> {
            try (java.sql.Connection c = dataSource.getConnection()) {
                return c.isValid(1);
            }
        }, settings.storeCheck(), java.time.Duration.ofSeconds(3), 2, clock, registry);
        return settings.enabled() ? fallback.start() : fallback;
    }

    @Bean("probes")
    ProbesHealthIndicator probesHealth(ProbeService probes) {
        return new ProbesHealthIndicator(probes);
    }

    @Bean
    ProbeScheduler probeScheduler(Scheduler scheduler, ProbeEngine engine, PlatformTransactionManager transactions) {
        return new ProbeScheduler(scheduler, engine, new TransactionTemplate(transactions));
    }

    @Bean
    ActiveProbes activeProbes() {
        return new ActiveProbes();
    }

    @Bean
    ProbeService probeService(ActiveProbes active, ProbeEngine engine, ResultStore store, ResultWriter writer, ScheduleFallback fallback,
                              AuditLog audit, Clock clock, ProbesSettings settings, JdbcClient jdbc, Scheduler scheduler) {
        PlannedRuns planned = new PlannedRuns(jdbc, scheduler);
        return new ProbeService(active, engine, settings.enabled(), store, writer, fallback, audit, clock, planned::next);
    }

    @Bean
    ContentAppliedListener probeContentListener(ActiveProbes active, ProbeScheduler scheduler, ProbesSettings settings) {
        return new ContentAppliedListener(active, scheduler, settings);
    }

    @Bean
    JobDetail probeRetentionJob() {
        return JobBuilder.newJob(RetentionJob.class).withIdentity("probe-retention", "nightwatch").storeDurably()
                .withDescription("Rolls raw probe results into hourly aggregates and deletes them past the retention").build();
    }

    @Bean
    Trigger probeRetentionTrigger(JobDetail probeRetentionJob) {
        return TriggerBuilder.newTrigger().forJob(probeRetentionJob).withIdentity("probe-retention", "nightwatch")
                .withSchedule(SimpleScheduleBuilder.repeatHourlyForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /**
     * Takes the probes of every applied revision, the one resumed at start included, without a restart:
     * every replica lists them; only one that runs probes schedules them.
     */
    static final class ContentAppliedListener {
        private final ActiveProbes active;
        private final ProbeScheduler scheduler;
        private final ProbesSettings settings;

        ContentAppliedListener(ActiveProbes active, ProbeScheduler scheduler, ProbesSettings settings) {
            this.active = active;
            this.scheduler = scheduler;
            this.settings = settings;
        }

        @EventListener
        void onApplied(ContentApplied event) {
            event.snapshot().section(Probes.class).ifPresent(probes -> {
                try {
                    if (settings.enabled()) {
                        scheduler.sync(probes);
                    }
                } finally {
                    // After the engine took them, so the console never offers a run the engine cannot start yet; and even
                    // when the job store refused the schedule (the revision is offered again), since the revision is active.
                    active.use(probes);
                }
            });
        }
    }
}
