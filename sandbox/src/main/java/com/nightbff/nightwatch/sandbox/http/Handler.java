package com.nightbff.nightwatch.sandbox.http;

/** A route's code; checked exceptions (SQL, IO) are mapped to NestJS-style 5xx by the dispatcher. */
@FunctionalInterface
public interface Handler {
    Reply handle(Request request) throws Exception;
}
