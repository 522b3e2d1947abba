package dev.authbackbone.adapter.in.http.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackTest {

    @Test
    void isLoopbackHostHeader_loopbackNames_withOrWithoutPort() {
        for (String host : List.of("127.0.0.1:8080", "127.0.0.1", "localhost:8080", "LOCALHOST", "[::1]:8080", "[::1]", "127.9.9.9:1")) {
            assertThat(Loopback.isLoopbackHostHeader(host)).as(host).isTrue();
        }
    }

    @Test
    void isLoopbackHostHeader_anythingElse_isNot() {
        for (String host : List.of("evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io",
                "0.0.0.0:8080", "[::]:8080", "192.168.1.1", "127.0.0.1:80:80", "[::1]x", "", "127.0.0.1 :80", "::1")) {
            assertThat(Loopback.isLoopbackHostHeader(host)).as(host).isFalse();
        }
        assertThat(Loopback.isLoopbackHostHeader(null)).isFalse();
    }

    @Test
    void isLoopbackHost_decidesOnTheTextAlone() {
        assertThat(Loopback.isLoopbackHost("127.0.0.1")).isTrue();
        assertThat(Loopback.isLoopbackHost("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Loopback.isLoopbackHost("0.0.0.0")).isFalse();
        assertThat(Loopback.isLoopbackHost("::")).isFalse();
        assertThat(Loopback.isLoopbackHost("smtp.example.com")).isFalse();
        assertThat(Loopback.isLoopbackHost("999.0.0.1")).isFalse();
    }
}
