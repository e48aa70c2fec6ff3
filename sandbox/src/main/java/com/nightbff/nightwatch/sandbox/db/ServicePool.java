package com.nightbff.nightwatch.sandbox.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service's pool: small at rest, grows on demand up to DB_POOL_SIZE, resizable while running. */
public final class ServicePool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServicePool.class);
    private static final int MIN_IDLE = 2;
    /** Hikari's smallest wait; short so a refusal is noticed quickly between waits. */
    private static final long WAIT_SLICE_MS = 250;
    private static final long ACQUIRE_TIMEOUT_MS = 5000;

    private final String service;
    private final RecordingDataSource physical;
    private final HikariDataSource pool;
    private final AtomicInteger probing = new AtomicInteger();
    private volatile long latencyMs;

    public ServicePool(String service, DatabaseTarget target, int maxSize) {
        this.service = service;
        this.physical = new RecordingDataSource(target.jdbcUrl(), target.user(), target.password(), service);
        HikariConfig config = new HikariConfig();
        config.setPoolName(service);
        config.setDataSource(physical);
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(Math.min(MIN_IDLE, maxSize));
        config.setConnectionTimeout(WAIT_SLICE_MS);
        config.setValidationTimeout(WAIT_SLICE_MS);
        config.setIdleTimeout(30_000);
        config.setMaxLifetime(600_000);
        // Start even when PostgreSQL is down: requests then fail with 5xx, as NightBFF's do.
        config.setInitializationFailTimeout(-1);
        config.setRegisterMbeans(false);
        this.pool = new HikariDataSource(config);
    }

    public String service() {
        return service;
    }

    /**
     * A connection, with node-postgres semantics when the pool has to grow for this request: the request
     * itself opens a new session and fails at once with PostgreSQL's refusal (53300 when the server is
     * full). Hikari alone would retry in the background and hand the request the next returned
     * connection, hiding an over-budget pool. A plain wait for a busy pool ends after five seconds.
     */
    public Connection acquire() throws SQLException {
        long start = System.nanoTime();
        // Bounded by the free room in the pool, so probes never push a pool past DB_POOL_SIZE.
        if (idle() == 0 && total() + probing.get() < maxSize()) {
            probing.incrementAndGet();
            try {
                physical.probe();
            } finally {
                probing.decrementAndGet();
            }
        }
        long deadline = start + ACQUIRE_TIMEOUT_MS * 1_000_000;
        while (true) {
            try {
                return delayed(pool.getConnection());
            } catch (SQLTransientConnectionException timeout) {
                SQLException refused = physical.failureSince(start);
                if (refused != null) {
                    throw refused;
                }
                if (System.nanoTime() - deadline >= 0) {
                    // Not Hikari's exception: it carries the SQLSTATE of an old refusal, which would
                    // misattribute a plain queue timeout to 53300.
                    throw new SQLTransientConnectionException(service + " - Connection is not available, request timed out after "
                            + ACQUIRE_TIMEOUT_MS + "ms");
                }
            }
        }
    }

    /**
     * Server-side time every borrowed connection spends before the request's own queries, as a remote or
     * busy database adds it. A loopback PostgreSQL answers in microseconds, so without it how long
     * connections are held (and so how far pools grow) depends on the CPU the request spends in Java.
     */
    public void latency(long millis) {
        latencyMs = millis;
    }

    private Connection delayed(Connection connection) throws SQLException {
        long millis = latencyMs;
        if (millis > 0) {
            try (PreparedStatement sleep = connection.prepareStatement("SELECT pg_sleep(?)")) {
                sleep.setDouble(1, millis / 1000.0);
                sleep.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    public void resize(int maxSize) {
        int before = pool.getHikariConfigMXBean().getMaximumPoolSize();
        if (before == maxSize) {
            return;
        }
        if (maxSize < before) {
            pool.getHikariConfigMXBean().setMinimumIdle(Math.min(MIN_IDLE, maxSize));
            pool.getHikariConfigMXBean().setMaximumPoolSize(maxSize);
            // Hikari only trims idle connections slowly; evicting makes the new ceiling visible at once,
            // busy connections close when returned.
            HikariPoolMXBean mx = pool.getHikariPoolMXBean();
            if (mx != null) {
                mx.softEvictConnections();
            }
        } else {
            pool.getHikariConfigMXBean().setMaximumPoolSize(maxSize);
            pool.getHikariConfigMXBean().setMinimumIdle(Math.min(MIN_IDLE, maxSize));
        }
        LOG.info("{}: pool maximum {} -> {}", service, before, maxSize);
    }

    public int maxSize() {
        return pool.getHikariConfigMXBean().getMaximumPoolSize();
    }

    public int active() {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        return mx == null ? 0 : mx.getActiveConnections();
    }

    public int idle() {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        return mx == null ? 0 : mx.getIdleConnections();
    }

    public int total() {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        return mx == null ? 0 : mx.getTotalConnections();
    }

    public int pending() {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        return mx == null ? 0 : mx.getThreadsAwaitingConnection();
    }

    @Override
    public void close() {
        pool.close();
    }
}
