package com.nightbff.nightwatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nightbff.nightwatch.probes.AllowList;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The socket-level guard on its own, as a redirect or a literal address would reach it after every
 * earlier check: a loopback or link-local address is refused unless listed, and nothing is sent.
 */
class GuardedSocketFactoryTest {

    @Test
    void anUnlistedLoopbackOrMetadataAddressIsRefusedBeforeConnecting() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GuardedSocketFactory guarded = new GuardedSocketFactory(new AllowList(List.of("maps.example.com")));
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), listening.getLocalPort());
            assertThatThrownBy(() -> guarded.createSocket().connect(loopback, 1000))
                    .isInstanceOf(TargetNotAllowedException.class).hasMessageContaining("127.0.0.1");
            assertThatThrownBy(() -> guarded.createSocket(InetAddress.getByName("169.254.169.254"), 80))
                    .isInstanceOf(TargetNotAllowedException.class).hasMessageContaining("169.254.169.254");
            assertThatThrownBy(() -> guarded.createSocket().connect(InetSocketAddress.createUnresolved("maps.example.com", 80), 1000))
                    .isInstanceOf(TargetNotAllowedException.class).hasMessageContaining("unresolved");
        }
    }

    @Test
    void aListedAddressConnects() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GuardedSocketFactory guarded = new GuardedSocketFactory(new AllowList(List.of("127.0.0.1")));
            try (Socket socket = guarded.createSocket(InetAddress.getLoopbackAddress(), listening.getLocalPort())) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }
}
