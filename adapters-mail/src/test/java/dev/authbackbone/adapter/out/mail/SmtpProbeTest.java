package dev.authbackbone.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.mail.ScriptedSmtpServer.Behaviour;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpProbeTest {

    private ScriptedSmtpServer server;
    private SmtpProbe probe;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
        probe = new SmtpProbe(MailTestData.smtpAt("127.0.0.1", server.port(), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void check_serverTakesASession_isEmptyAndSendsNoMail() {
        assertThat(probe.check()).isEmpty();
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void check_serverHangsUp_saysWhy() {
        server.behave(Behaviour.HANG_UP);

        assertThat(probe.check()).isPresent();
    }

    @Test
    void check_greetingRefusesForNow_saysWhy() {
        server.greetWith("421 4.3.2 closing for maintenance");

        assertThat(probe.check()).hasValueSatisfying(why -> assertThat(why).doesNotContain("password"));
    }

    @Test
    void check_serverSilent_givesUpWithinAboutTheTimeout() {
        server.behave(Behaviour.SILENT);

        long started = System.nanoTime();
        assertThat(probe.check()).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }
}
