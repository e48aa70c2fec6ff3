package com.nightbff.nightwatch.sandbox.load;

import java.net.URI;

/** One request the driver repeats: a service's main journey. */
public record Target(String service, String method, URI uri, String body) {

    public Target {
        String host = uri.getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("load only targets 127.0.0.1, not " + host);
        }
    }
}
