package dev.authbackbone.adapter.out.mail;

import static dev.authbackbone.adapter.out.mail.MailTestData.JANE;
import static dev.authbackbone.adapter.out.mail.MailTestData.aConfirmationLink;
import static dev.authbackbone.adapter.out.mail.MailTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.authbackbone.adapter.out.mail.ScriptedSmtpServer.Behaviour;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.out.MailSender;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import dev.authbackbone.domain.testing.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CircuitBreakingMailSenderTest {

    private static final BreakerSettings FAST = new BreakerSettings(100f, 5, 5, Duration.ofMillis(500), 2);

    private static Mail aMail() {
        return aConfirmationLink(JANE, aToken(31));
    }

    /** The breaker over the real SMTP path, against a scripted server on loopback. */
    @Nested
    class OverSmtp {

        private ScriptedSmtpServer server;
        private SimpleJavaMailSender smtp;
        private CircuitBreakingMailSender sender;

        @BeforeEach
        void start() throws Exception {
            server = ScriptedSmtpServer.start();
            smtp = new SimpleJavaMailSender(MailTestData.smtpAt("127.0.0.1", server.port(), Duration.ofSeconds(2)),
                    MailTestData.templates());
            sender = new CircuitBreakingMailSender(smtp, FAST);
        }

        @AfterEach
        void stop() throws Exception {
            smtp.close();
            server.close();
        }

        @Test
        void send_afterEnoughFailures_opensAndFailsAtOnceWithoutConnecting() {
            server.behave(Behaviour.HANG_UP);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> sender.send(aMail())).isInstanceOf(MailUnavailableException.class);
            }
            assertThat(server.connections()).isEqualTo(5);
            assertThat(sender.isOpen()).isTrue();
            assertThat(sender.state()).isEqualTo(CircuitBreakingMailSender.State.OPEN);

            for (int i = 0; i < 3; i++) {
                MailUnavailableException rejected = catchThrowableOfType(MailUnavailableException.class,
                        () -> sender.send(aMail()));
                assertThat(rejected).hasMessageContaining("circuit breaker is open");
                assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            }
            assertThat(server.connections()).as("no connection while open").isEqualTo(5);
        }

        @Test
        void send_afterTheWaitWithTheServerBack_probeGoesThroughAndTheBreakerCloses() throws Exception {
            server.behave(Behaviour.HANG_UP);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> sender.send(aMail())).isInstanceOf(MailUnavailableException.class);
            }
            assertThat(sender.isOpen()).isTrue();

            server.behave(Behaviour.SPEAK_SMTP);
            Thread.sleep(FAST.waitInOpenState().plusMillis(100).toMillis());
            assertThat(sender.isOpen()).as("a probe may go now").isFalse();

            sender.send(aMail());
            sender.send(aMail());

            assertThat(server.messages()).hasSize(2);
            assertThat(sender.state()).isEqualTo(CircuitBreakingMailSender.State.CLOSED);
            sender.send(aMail());
            assertThat(server.messages()).hasSize(3);
        }

        @Test
        void send_recipientRefusedForGood_returnsNormallyAndCountsAsSuccess() {
            server.answerRcptWith("550 5.1.1 no such user");

            sender.send(aMail());

            CircuitBreaker.Metrics metrics = sender.circuitBreaker().getMetrics();
            assertThat(metrics.getNumberOfSuccessfulCalls()).isEqualTo(1);
            assertThat(metrics.getNumberOfFailedCalls()).isZero();
        }

        @Test
        void send_recipientRefusedForNow_throwsButDoesNotCountAsAFailure() {
            server.answerRcptWith("450 4.1.2 domain not found, try later");

            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> sender.send(aMail())).isExactlyInstanceOf(MailUnavailableException.class);
            }

            // The server answered: anyone could send these for a domain the relay defers.
            CircuitBreaker.Metrics metrics = sender.circuitBreaker().getMetrics();
            assertThat(metrics.getNumberOfFailedCalls()).isZero();
            assertThat(sender.state()).isEqualTo(CircuitBreakingMailSender.State.CLOSED);
        }

        @Test
        void send_senderRefusedForNow_opensAndThenFailsWithoutReachingTheServer() {
            server.answerMailFromWith("451 try later");
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> sender.send(aMail())).isExactlyInstanceOf(MailUnavailableException.class);
            }
            assertThat(server.mailFromCommands()).isEqualTo(5);
            assertThat(sender.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(5);
            assertThat(sender.state()).isEqualTo(CircuitBreakingMailSender.State.OPEN);

            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> sender.send(aMail())).hasMessageContaining("circuit breaker is open");
            }
            assertThat(server.mailFromCommands()).as("no MAIL FROM while open").isEqualTo(5);
        }

        /** SPEC lists a 4xx to MAIL FROM among the transport's failures, not a 5xx (an outside probe opened it with 552). */
        @Test
        void send_senderRefusedForGood_neverOpensIt() {
            server.answerMailFromWith("552 5.3.4 message size exceeds fixed limit");
            for (int i = 0; i < 8; i++) {
                assertThatThrownBy(() -> sender.send(aMail())).isExactlyInstanceOf(MailUnavailableException.class);
            }
            assertThat(server.mailFromCommands()).as("every send reached the server").isEqualTo(8);
            assertThat(sender.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
            assertThat(sender.state()).isEqualTo(CircuitBreakingMailSender.State.CLOSED);
        }

        @Test
        void send_greetingDeferredWithout421_countsAsATransportFailure() {
            server.greetWith("450 4.3.2 not now");

            assertThatThrownBy(() -> sender.send(aMail())).isExactlyInstanceOf(MailUnavailableException.class);

            assertThat(sender.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        }

        @Test
        void send_serviceClosingAtRcpt_countsAsATransportFailure() {
            server.answerRcptWith("421 4.3.2 shutting down");

            assertThatThrownBy(() -> sender.send(aMail())).isExactlyInstanceOf(MailUnavailableException.class);

            assertThat(sender.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        }

        @Test
        void send_successAfterFailuresJustShortOfOpening_leavesItClosed() {
            server.behave(Behaviour.HANG_UP);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> sender.send(aMail())).isInstanceOf(MailUnavailableException.class);
            }
            server.behave(Behaviour.SPEAK_SMTP);

            sender.send(aMail());

            assertThat(sender.state()).isEqualTo(CircuitBreakingMailSender.State.CLOSED);
            sender.send(aMail());
            assertThat(server.messages()).hasSize(2);
        }
    }

    /** The breaker's bookkeeping, over a scripted delegate and a clock the test moves. */
    @Nested
    class Bookkeeping {

        private final MutableClock clock = new MutableClock(MailTestData.NOW);
        private final AtomicInteger calls = new AtomicInteger();
        private volatile RuntimeException failure;
        private final MailSender delegate = mail -> {
            calls.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
        };
        private final CircuitBreakingMailSender sender =
                new CircuitBreakingMailSender(delegate, BreakerSettings.defaults(), clock);

        private void failFiveTimes() {
            failure = new MailUnavailableException("down (test)", Duration.ofSeconds(5), null);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> sender.send(aMail())).isInstanceOf(MailUnavailableException.class);
            }
        }

        @Test
        void send_failureThatOpensTheBreaker_carriesTheWholeWaitAsRetryAfter() {
            failure = new MailUnavailableException("down (test)", Duration.ofSeconds(5), null);
            for (int i = 0; i < 4; i++) {
                MailUnavailableException e = catchThrowableOfType(MailUnavailableException.class, () -> sender.send(aMail()));
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5));
            }

            MailUnavailableException fifth = catchThrowableOfType(MailUnavailableException.class, () -> sender.send(aMail()));

            assertThat(fifth.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(sender.isOpen()).isTrue();
        }

        @Test
        void send_whileOpen_failsWithoutCallingAndTellsTheRemainingWait() {
            failFiveTimes();
            clock.advance(Duration.ofMillis(10_400));

            MailUnavailableException rejected = catchThrowableOfType(MailUnavailableException.class, () -> sender.send(aMail()));

            assertThat(calls).hasValue(5);
            assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        }

        @Test
        void state_afterTheWait_isHalfOpenAndAProbeThatSucceedsCloses() {
            failFiveTimes();
            clock.advance(Duration.ofSeconds(30));
            assertThat(sender.isOpen()).as("the last instant of the wait").isTrue();
            clock.advance(Duration.ofMillis(1));

            assertThat(sender.isOpen()).isFalse();
            assertThat(sender.state()).isEqualTo(CircuitBreakingMailSender.State.HALF_OPEN);

            failure = null;
            for (int i = 0; i < BreakerSettings.DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE; i++) {
                sender.send(aMail());
            }

            assertThat(sender.state()).isEqualTo(CircuitBreakingMailSender.State.CLOSED);
            assertThat(calls).hasValue(8);
        }

        @Test
        void onTransition_openThenRecover_tellsEveryTransitionInOrder() {
            List<String> seen = new CopyOnWriteArrayList<>();
            sender.onTransition((from, to) -> seen.add(from + "->" + to));

            failFiveTimes();
            clock.advance(Duration.ofSeconds(31));
            failure = null;
            for (int i = 0; i < BreakerSettings.DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE; i++) {
                sender.send(aMail());
            }

            assertThat(seen).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
        }

        @Test
        void send_probeThatFails_opensAgainForAnotherWait() {
            failFiveTimes();
            clock.advance(Duration.ofSeconds(31));

            for (int i = 0; i < BreakerSettings.DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE; i++) {
                assertThatThrownBy(() -> sender.send(aMail())).isInstanceOf(MailUnavailableException.class);
            }

            assertThat(sender.isOpen()).isTrue();
            MailUnavailableException rejected = catchThrowableOfType(MailUnavailableException.class, () -> sender.send(aMail()));
            assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void send_exceptionThatIsNotATransportFailure_isNeitherCountedNorTranslated() {
            failure = new IllegalStateException("a bug (test)");

            assertThatThrownBy(() -> sender.send(aMail())).isExactlyInstanceOf(IllegalStateException.class);

            CircuitBreaker.Metrics metrics = sender.circuitBreaker().getMetrics();
            assertThat(metrics.getNumberOfFailedCalls()).isZero();
            assertThat(metrics.getNumberOfSuccessfulCalls()).isZero();
        }
    }
}
