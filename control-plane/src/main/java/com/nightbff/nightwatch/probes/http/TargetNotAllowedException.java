package com.nightbff.nightwatch.probes.http;

import java.io.IOException;

/** The connect-time guard refused an address; reported as {@code target_not_allowed}. */
final class TargetNotAllowedException extends IOException {

    TargetNotAllowedException(String message) {
        super(message);
    }
}
