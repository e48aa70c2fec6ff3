/**
 * Credentials and tokens shared by all services: PBKDF2 password hashes, HS256 JWTs signed with one
 * secret (as NightBFF's services share theirs), and Bearer-token checks that answer 401 like NestJS guards.
 */
package com.nightbff.nightwatch.sandbox.auth;
