package com.nightbff.nightwatch.sandbox.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One sandbox and one probe-user token for all tests of a class; closed after the last one. */
abstract class SharedSandbox {

    static TestSandbox sandbox;
    static String token;

    @BeforeAll
    static void startSandbox() {
        sandbox = TestSandbox.start();
        token = sandbox.login();
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
