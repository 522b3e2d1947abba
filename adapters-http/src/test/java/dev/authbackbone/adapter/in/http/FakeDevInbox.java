package dev.authbackbone.adapter.in.http;

import dev.authbackbone.domain.port.in.DevInbox;
import java.util.ArrayList;
import java.util.List;

/** A development inbox holding whatever mails a test puts in, newest first. */
final class FakeDevInbox implements DevInbox {

    private final List<CapturedMail> mails = new ArrayList<>();

    synchronized void receive(CapturedMail mail) {
        mails.add(0, mail);
    }

    synchronized void clear() {
        mails.clear();
    }

    @Override
    public synchronized List<CapturedMail> newestFirst() {
        return List.copyOf(mails);
    }
}
