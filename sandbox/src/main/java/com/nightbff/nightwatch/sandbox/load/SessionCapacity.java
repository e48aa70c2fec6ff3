package com.nightbff.nightwatch.sandbox.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether this machine lets a PostgreSQL server run as many sessions as a pool-load scenario needs. A
 * server whose operating system refuses it processes (a low process limit for its user, a pids cgroup)
 * fails to fork backends with 08001 long before max_connections, so 53300 can never show there and a
 * run would measure the machine, not the pools.
 */
public final class SessionCapacity {

    private SessionCapacity() {
    }

    /** Opens {@code sessions} sessions together, then closes them; empty when all opened, else why not. */
    public static Optional<String> shortfall(String jdbcUrl, int sessions) {
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                open.add(DriverManager.getConnection(jdbcUrl, "postgres", ""));
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("only " + open.size() + " of " + sessions + " sessions could be opened: " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + ")");
        } finally {
            for (Connection c : open) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a probe session; the server reclaims it anyway
                }
            }
        }
    }
}
