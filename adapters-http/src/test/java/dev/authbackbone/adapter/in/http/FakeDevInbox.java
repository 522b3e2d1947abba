package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.devmailbox.DevMailbox;
import java.util.ArrayList;
import java.util.List;

/** A development inbox holding whatever mails a test puts in, newest first. */
final class FakeDevInbox implements DevMailbox {

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
