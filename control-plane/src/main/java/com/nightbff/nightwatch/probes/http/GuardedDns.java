package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.AllowList;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves only listed names and keeps only the addresses the allow list accepts for them, so a
 * listed name that starts resolving to 127.0.0.1 or 169.254.169.254 (DNS rebinding) is refused.
 * OkHttp skips DNS for IP literals; {@link GuardedSocketFactory} covers those.
 */
final class GuardedDns implements Dns {

    private final AllowList allowList;
    private final Dns delegate;

    GuardedDns(AllowList allowList, Dns delegate) {
        this.allowList = allowList;
        this.delegate = delegate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        if (!allowList.allowsHost(hostname)) {
            throw new RefusedHostException("host " + hostname + " is not in the allow list");
        }
        List<InetAddress> all = delegate.lookup(hostname);
        List<InetAddress> allowed = all.stream().filter(a -> allowList.allowsAddress(hostname, a)).toList();
        if (allowed.isEmpty()) {
            throw new RefusedHostException("host " + hostname + " resolved to " + all.stream().map(InetAddress::getHostAddress).toList()
                    + ", none of which may be probed");
        }
        return allowed;
    }

    /** Thrown through OkHttp's DNS contract (UnknownHostException) but classified as target_not_allowed. */
    static final class RefusedHostException extends UnknownHostException {
        RefusedHostException(String message) {
            super(message);
        }
    }
}
