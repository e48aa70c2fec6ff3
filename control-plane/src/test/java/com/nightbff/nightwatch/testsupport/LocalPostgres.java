package com.nightbff.nightwatch.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Throw-away databases on the PostgreSQL server the tests run against: the local one CI starts
 * (127.0.0.1:5432, user postgres) unless NIGHTWATCH_TEST_PG_URL / _USER / _PASSWORD say otherwise.
 */
public final class LocalPostgres {

    public static final String SERVER = env("NIGHTWATCH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = env("NIGHTWATCH_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("NIGHTWATCH_TEST_PG_PASSWORD", "");

    private LocalPostgres() {
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String createDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + SERVER
                    + " (is PostgreSQL running? .ci/run starts it): " + e.getMessage(), e);
        }
        return SERVER + name;
    }

    /** Drops a database made by {@link #createDatabase}, disconnecting whoever still uses it. */
    public static void dropDatabase(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
