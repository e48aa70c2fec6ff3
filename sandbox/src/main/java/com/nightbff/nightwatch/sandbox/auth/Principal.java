package com.nightbff.nightwatch.sandbox.auth;

/** The user a verified token speaks for. */
public record Principal(long userId, String email) {
}
