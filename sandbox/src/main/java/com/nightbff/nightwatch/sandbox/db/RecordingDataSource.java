package com.nightbff.nightwatch.sandbox.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The physical connection factory under a pool. It remembers the last refusal so a request that was
 * waiting for the pool to grow can fail with PostgreSQL's own error instead of waiting it out.
 */
final class RecordingDataSource implements DataSource {

    private final PGSimpleDataSource target;
    private volatile SQLException lastFailure;
    private volatile long lastFailureNanos;

    RecordingDataSource(String jdbcUrl, String user, String password, String applicationName) {
        target = new PGSimpleDataSource();
        target.setURL(jdbcUrl);
        target.setUser(user);
        if (password != null && !password.isEmpty()) {
            target.setPassword(password);
        }
        target.setApplicationName(applicationName);
        target.setConnectTimeout(2);
        target.setSocketTimeout(30);
    }

    /** The refusal seen since {@code sinceNanos}, if any. */
    SQLException failureSince(long sinceNanos) {
        SQLException failure = lastFailure;
        return failure != null && lastFailureNanos - sinceNanos >= 0 ? failure : null;
    }

    /** Opens and closes a session: whether PostgreSQL would accept one more client right now. */
    void probe() throws SQLException {
        getConnection().close();
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return target.getConnection();
        } catch (SQLException e) {
            lastFailureNanos = System.nanoTime();
            lastFailure = e;
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // Hikari derives one second from its 250 ms wait slice; under load PostgreSQL may take longer to fork
        // a backend, and the connect timeout already bounds an unreachable server.
    }

    @Override
    public int getLoginTimeout() {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
