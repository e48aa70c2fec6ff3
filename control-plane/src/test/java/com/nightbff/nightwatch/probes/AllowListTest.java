package com.nightbff.nightwatch.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A listed name that DNS rebinds to an internal or metadata address is refused at connect time. */
class AllowListTest {

    private final AllowList allowList = new AllowList(List.of("api.nightbff.test"));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.100.100.200",
        "::1", "fe80::1", "fd00:ec2::254", "fc00::1", "64:ff9b::a9fe:a9fe", "224.0.0.1"})
    void internalAndMetadataAddressesAreNeverOrdinary(String ip) throws Exception {
        InetAddress address = InetAddress.getByName(ip);

        assertThat(allowList.allowsAddress("api.nightbff.test", address)).isFalse();
        assertThat(allowList.allowsConnect(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "100.63.255.255", "100.128.0.1", "2606:2800:220:1::1"})
    void publicAddressesOfAListedNameAreAllowed(String ip) throws Exception {
        assertThat(allowList.allowsAddress("api.nightbff.test", InetAddress.getByName(ip))).isTrue();
    }
}
