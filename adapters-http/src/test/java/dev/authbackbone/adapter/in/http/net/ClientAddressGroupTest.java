package dev.authbackbone.adapter.in.http.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ClientAddressGroupTest {

    @Test
    void of_ipv6AddressesOfOneSlash64_areOneGroup() throws Exception {
        assertThat(ClientAddressGroup.of("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientAddressGroup.of("[2001:db8:1:2:ffff:ffff:ffff:ffff]"))
                .isEqualTo(ClientAddressGroup.of("2001:db8:1:2::7%eth0"))
                .isEqualTo(ClientAddressGroup.of(InetAddress.getByName("2001:db8:1:2:1:2:3:4")))
                .isEqualTo("v6:20010db800010002")
                .isNotEqualTo(ClientAddressGroup.of("2001:db8:1:3::1"));
    }

    @Test
    void of_ipv4Addresses_areEachTheirOwnGroup() throws Exception {
        assertThat(ClientAddressGroup.of("192.0.2.7")).isEqualTo("192.0.2.7")
                .isEqualTo(ClientAddressGroup.of(InetAddress.getByName("192.0.2.7")))
                .as("an IPv4-mapped IPv6 address is that IPv4 address").isEqualTo(ClientAddressGroup.of("::ffff:192.0.2.7"));
        assertThat(ClientAddressGroup.of("192.0.2.8")).isNotEqualTo(ClientAddressGroup.of("192.0.2.7"));
    }

    @Test
    void of_noAddress_isUnknown_andTextThatIsNoLiteral_isItself() {
        assertThat(ClientAddressGroup.of((String) null)).isEqualTo("unknown");
        assertThat(ClientAddressGroup.of("")).isEqualTo("unknown");
        assertThat(ClientAddressGroup.of("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
    }
}
