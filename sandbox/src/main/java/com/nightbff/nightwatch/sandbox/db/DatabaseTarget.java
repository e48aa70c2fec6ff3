package com.nightbff.nightwatch.sandbox.db;

/** Where NightBFF's database is: the embedded server or one given with --jdbc-url. */
public record DatabaseTarget(String jdbcUrl, String user, String password) {
}
