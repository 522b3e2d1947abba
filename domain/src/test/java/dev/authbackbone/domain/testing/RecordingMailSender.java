package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.out.MailSender;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps what it is asked to send; {@link #goDown()} makes it fail like a dead transport. */
public final class RecordingMailSender implements MailSender {

    private final List<Mail> sent = new ArrayList<>();
    private volatile boolean down;

    @Override
    public synchronized void send(Mail mail) {
        if (down) {
            throw new MailUnavailableException("mail transport down (test)", Duration.ofSeconds(30), null);
        }
        sent.add(mail);
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    public synchronized List<Mail> sent() {
        return List.copyOf(sent);
    }

    public synchronized Mail last() {
        if (sent.isEmpty()) {
            throw new AssertionError("no mail was sent");
        }
        return sent.get(sent.size() - 1);
    }
}
