package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Maps the exceptions OkHttp throws to stable reasons, looking through wrapped causes. */
final class Failures {

    private Failures() {
    }

    static Reason classify(IOException e, boolean pastDeadline) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TargetNotAllowedException || t instanceof GuardedDns.RefusedHostException) {
                return Reason.TARGET_NOT_ALLOWED;
            }
            if (t instanceof UnknownHostException) {
                return Reason.DNS;
            }
            if (t instanceof SSLException) {
                return Reason.TLS;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Reason.CONNECT_REFUSED;
            }
            if (t instanceof InterruptedIOException) {
                return Reason.TIMEOUT;
            }
        }
        return pastDeadline ? Reason.TIMEOUT : Reason.IO_ERROR;
    }

    /** The message of a failed call; {@code limit} names the configured timeout that bounded it, e.g. "5s (the step's timeout)". */
    static String describe(Reason reason, IOException e, String limit) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return switch (reason) {
            case TIMEOUT -> "no complete response within " + limit;
            case DNS -> "could not resolve host: " + detail;
            case CONNECT_REFUSED -> "connection refused: " + detail;
            case TLS -> "TLS handshake failed: " + detail;
            case TARGET_NOT_ALLOWED -> detail;
            default -> "connection failed: " + detail;
        };
    }
}
