package com.nightbff.nightwatch.probes.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nightwatch.probes.*}: concurrency (parallel runs per replica), queue (runs waiting for a
 * thread), buffer (results held while the database is down), batch and flush interval of result
 * writes, retention of raw results (older ones survive only as hourly aggregates), and how often
 * the job store is checked so probes keep running on local timers while it is unreachable.
 */
@ConfigurationProperties("nightwatch.probes")
public record ProbesSettings(@DefaultValue("true") boolean enabled, @DefaultValue("32") int concurrency,
                             @DefaultValue("2000") int queue, @DefaultValue("10000") int buffer, @DefaultValue("500") int batch,
                             @DefaultValue("200ms") Duration flushInterval, @DefaultValue("14d") Duration retention,
                             @DefaultValue("1s") Duration storeCheck) {
}
