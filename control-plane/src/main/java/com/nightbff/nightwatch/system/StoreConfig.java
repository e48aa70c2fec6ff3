package com.nightbff.nightwatch.system;

import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Nightwatch's own store. With {@code spring.datasource.url} set it uses that PostgreSQL; without,
 * it starts an embedded PostgreSQL in the data folder, so the zero-config run needs nothing installed.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    private static final Logger LOG = LoggerFactory.getLogger(StoreConfig.class);
    static final String EMBEDDED_DATABASE = "nightwatch";

    @Bean(destroyMethod = "close")
    EmbeddedStore embeddedStore(Environment env, NightwatchProperties props) {
        if (!env.getProperty("spring.datasource.url", "").isBlank()) {
            return new EmbeddedStore(null);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder(Path.of(props.dataDir(), "store")).shutdownHook(false).start();
        pg.ensureDatabase(EMBEDDED_DATABASE);
        return new EmbeddedStore(pg);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(Environment env, EmbeddedStore embedded) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("nightwatch-store");
        ds.setMaximumPoolSize(env.getProperty("nightwatch.store.pool-size", Integer.class, 10));
        ds.setMinimumIdle(2);
        // While the store is down every borrower waits this long before its 503: health checks (Kubernetes
        // gives them 1 s by default), the API and the console must answer "down" promptly, not time out.
        // The store serves a handful of short queries at a time, so a healthy pool never keeps one waiting near it.
        ds.setConnectionTimeout(env.getProperty("nightwatch.store.connection-timeout", Duration.class, Duration.ofMillis(800))
                .toMillis());
        if (embedded.postgres() != null) {
            ds.setJdbcUrl(embedded.postgres().jdbcUrl(EMBEDDED_DATABASE));
            ds.setUsername(embedded.postgres().user());
        } else {
            ds.setJdbcUrl(env.getProperty("spring.datasource.url"));
            ds.setUsername(env.getProperty("spring.datasource.username", "postgres"));
            ds.setPassword(env.getProperty("spring.datasource.password", ""));
            LOG.info("store: {}", ds.getJdbcUrl().replaceAll("(?i)(password=)[^&;]*", "$1***"));
        }
        ds.addDataSourceProperty("ApplicationName", "nightwatch");
        // A database that black-holes packets (a partition, not a refusal) must fail queries, not hang
        // the result writer, the content poll and Quartz forever.
        ds.addDataSourceProperty("socketTimeout", "30");
        ds.addDataSourceProperty("tcpKeepAlive", "true");
        return ds;
    }

    /** The embedded server when one runs; closed after the data source (which depends on it). */
    record EmbeddedStore(EmbeddedPostgres postgres) implements AutoCloseable {
        @Override
        public void close() {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
