package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.AllowList;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * The last check before a packet leaves: every socket refuses to connect to an address the allow
 * list does not accept. This catches what DNS filtering cannot see (IP-literal URLs, redirects).
 */
final class GuardedSocketFactory extends SocketFactory {

    private final AllowList allowList;

    GuardedSocketFactory(AllowList allowList) {
        this.allowList = allowList;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    private final class GuardedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress inet && inet.getAddress() != null) {
                InetAddress address = inet.getAddress();
                if (!allowList.allowsConnect(address)) {
                    throw new TargetNotAllowedException("address " + address.getHostAddress() + " is not in the allow list");
                }
            } else {
                throw new TargetNotAllowedException("unresolved address " + endpoint + " refused");
            }
            super.connect(endpoint, timeout);
        }
    }
}
