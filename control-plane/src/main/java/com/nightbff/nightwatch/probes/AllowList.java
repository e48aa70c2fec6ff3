package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.catalog.Fleet;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where probes may connect: the hosts of the fleet's services and dependencies plus
 * {@code fleet.yaml}'s {@code allowHosts}. A listed name may resolve to any ordinary address, but
 * never to loopback, link-local (cloud metadata), wildcard or multicast addresses unless that
 * address is itself listed; this is what stops DNS rebinding from turning a probe into an SSRF.
 */
public final class AllowList {

    private static final java.util.regex.Pattern DOTTED_QUAD = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> hosts;
    private final Set<InetAddress> addresses = new HashSet<>();

    public AllowList(Collection<String> entries) {
        Set<String> normalized = new TreeSet<>();
        for (String entry : entries) {
            String host = normalize(entry);
            normalized.add(host);
            if (isLiteral(host)) {
                try {
                    addresses.add(InetAddress.getByName(host));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("not an IP address: " + host, e);
                }
            }
        }
        hosts = Set.copyOf(normalized);
    }

    public static AllowList of(Fleet fleet) {
        Set<String> entries = new HashSet<>();
        fleet.services().stream().map(Fleet.Service::baseUrl).filter(java.util.Objects::nonNull).map(URI::getHost).forEach(entries::add);
        fleet.dependencies().stream().map(Fleet.Dependency::baseUrl).filter(java.util.Objects::nonNull).map(URI::getHost)
                .forEach(entries::add);
        entries.addAll(fleet.allowHosts());
        return new AllowList(entries);
    }

    /** Whether a URL's host, as written, is listed. Numeric tricks (2130706433, 0x7f.1) are not listed, so they fail here. */
    public boolean allowsHost(String host) {
        return host != null && hosts.contains(normalize(host));
    }

    /** Whether a connection to this resolved address, reached through this host name, may be made. */
    public boolean allowsAddress(String host, InetAddress address) {
        if (addresses.contains(address)) {
            return true;
        }
        if (host == null || !allowsHost(host) || isLiteral(normalize(host))) {
            return false;
        }
        return ordinary(address);
    }

    /**
     * The socket-level rule, where the host name is no longer known: a listed address, or an
     * ordinary one (names were already checked by host and by DNS before the connect).
     */
    public boolean allowsConnect(InetAddress address) {
        return addresses.contains(address) || ordinary(address);
    }

    private static boolean ordinary(InetAddress address) {
        return !(address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress() || special(address.getAddress()));
    }

    /**
     * Ranges Java has no predicate for where cloud metadata and internal services live: 0.0.0.0/8,
     * 100.64.0.0/10 (carrier-grade NAT; Alibaba's metadata at 100.100.100.200), IPv6 unique-local
     * fc00::/7 (AWS's fd00:ec2::254) and NAT64 64:ff9b::/96, which can wrap 169.254.169.254.
     */
    private static boolean special(byte[] a) {
        if (a.length == 4) {
            int first = a[0] & 0xff;
            int second = a[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second <= 127;
        }
        boolean uniqueLocal = (a[0] & 0xfe) == 0xfc;
        boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b;
        return uniqueLocal || nat64;
    }

    static String normalize(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Dotted-quad IPv4 or IPv6: the only literal forms the allow list understands. */
    static boolean isLiteral(String host) {
        return DOTTED_QUAD.matcher(host).matches() || host.contains(":");
    }

    @Override
    public String toString() {
        return String.join(", ", hosts);
    }
}
