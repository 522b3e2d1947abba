package dev.authbackbone.adapter.in.http.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.1/32, 10.0.0.0/8, 172.16.0.0/12, fd00::/8");

    @Test
    void clientOf_untrustedPeer_isThePeer_whateverTheHeaderSays() {
        assertThat(proxies.clientOf("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.NONE.clientOf("127.0.0.1", List.of("198.51.100.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void clientOf_trustedPeer_isTheRightMostUntrustedHop() {
        assertThat(proxies.clientOf("127.0.0.1", List.of("6.6.6.6, 198.51.100.1, 10.0.0.2"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientOf("10.9.9.9", List.of("6.6.6.6", "198.51.100.1, 172.20.0.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientOf("127.0.0.1", List.of("2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(proxies.clientOf("127.0.0.1", List.of("[2001:db8::2]:443, 198.51.100.3:5000"))).isEqualTo("198.51.100.3");
    }

    @Test
    void clientOf_allHopsTrusted_isTheLeftMost_andNoUsableHopIsThePeer() {
        assertThat(proxies.clientOf("127.0.0.1", List.of("10.0.0.1, 10.0.0.2"))).isEqualTo("10.0.0.1");
        assertThat(proxies.clientOf("127.0.0.1", List.of("unknown, _hidden, <script>, " + "9".repeat(500))))
                .isEqualTo("127.0.0.1");
        assertThat(proxies.clientOf("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void clientOf_malformedHops_areSkipped() {
        assertThat(proxies.clientOf("127.0.0.1", List.of("198.51.100.7, not-an-ip, 999.1.1.1, , 10.0.0.3")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void isTrusted_matchesPrefixesBitByBit_andNeverAcrossFamilies() {
        assertThat(proxies.isTrusted("172.31.255.255")).isTrue();
        assertThat(proxies.isTrusted("172.32.0.0")).isFalse();
        assertThat(proxies.isTrusted("fdff::1")).isTrue();
        assertThat(proxies.isTrusted("fe00::1")).isFalse();
        assertThat(proxies.isTrusted("[fd00::1]")).isTrue();
        assertThat(proxies.isTrusted("localhost")).isFalse();
        assertThat(TrustedProxies.parse("0.0.0.0/0").isTrusted("::1")).isFalse();
    }

    @Test
    void parse_badEntries_areRefused() {
        for (String bad : List.of("10.0.0.0/33", "10.0.0.0/", "host.example", "1.2.3.4/8/8", "::/200", ",")) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(TrustedProxies.parse(" ")).isSameAs(TrustedProxies.NONE);
    }
}
