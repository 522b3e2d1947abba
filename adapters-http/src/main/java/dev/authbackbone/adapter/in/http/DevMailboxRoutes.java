package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.net.ClientIp;
import dev.authbackbone.adapter.in.http.net.Loopback;
import dev.authbackbone.adapter.in.http.page.Pages;
import dev.authbackbone.adapter.in.http.wire.FormBody;
import dev.authbackbone.adapter.in.http.devmailbox.DevMailbox;
import dev.authbackbone.adapter.in.http.devmailbox.DevMailbox.CapturedMail;
import dev.authbackbone.adapter.in.http.wire.Json;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.email.InvalidEmailAddressException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The development inbox: JSON for scripts, an HTML page (with {@code ?format=html}, or for a
 * browser) with the links ready to click. The composition root hands this group to
 * {@link HttpServer} only when the built-in SMTP server runs, as it does for health and metrics.
 * It answers only a client on this machine that names this machine in {@code Host}; anyone else gets 404.
 * {@code ?to=<address>} keeps only the mails to that address (compared without regard to case), so
 * a script picks its own mail even when the inbox holds older ones.
 */
public final class DevMailboxRoutes implements RouteGroup {

    public static final String PATH = "/dev/mailbox";

    private final DevMailbox inbox;
    private final Responses responses = new Responses(new Json());

    /** Shows the mails of {@code inbox}. */
    public DevMailboxRoutes(DevMailbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.head(PATH, this::show);
    }

    private void show(Context ctx) {
        // A web page the developer opens could read the inbox through a rebound DNS name, and a
        // client elsewhere should not learn it exists: only this machine, by a loopback name.
        boolean local = Loopback.isLoopbackHost(ClientIp.peer(ctx)) && Loopback.isLoopbackHost(ClientIp.of(ctx))
                && Loopback.isLoopbackHostHeader(ctx.header("Host"));
        if (!local) {
            throw new RejectedRequest(new HttpProblem.NotFound());
        }
        Optional<String> recipient = recipient(ctx);
        List<CapturedMail> mails = inbox.newestFirst().stream()
                .filter(mail -> recipient.isEmpty() || sentTo(mail, recipient.get()))
                .toList();
        if (wantsHtml(ctx)) {
            responses.page(ctx, 200, Pages.mailbox(mails));
        } else {
            responses.json(ctx, 200, mails.stream().map(DevMailboxRoutes::body).toList());
        }
    }

    private static Optional<String> recipient(Context ctx) {
        List<String> to;
        try {
            to = Queries.values(ctx, "to");
        } catch (FormBody.MalformedFormException e) {
            throw new RejectedRequest(new HttpProblem.Refused(400));
        }
        if (to.size() > 1) {
            throw new RejectedRequest(new HttpProblem.Refused(400));
        }
        return to.stream().map(String::strip).findFirst();
    }

    /**
     * As given, or as delivered: a mail goes to the ASCII form of an internationalised domain, so
     * {@code ?to=anna@bücher.example} finds the mails sent to {@code anna@xn--bcher-kva.example}.
     */
    private static boolean sentTo(CapturedMail mail, String address) {
        String delivered = deliverableForm(address);
        return mail.to().stream().map(String::strip)
                .anyMatch(to -> to.equalsIgnoreCase(address) || to.equalsIgnoreCase(delivered));
    }

    private static String deliverableForm(String address) {
        try {
            return EmailAddress.parse(address).deliverable();
        } catch (InvalidEmailAddressException notAnAddress) {
            return address;
        }
    }

    /** {@code ?format=} decides when given; otherwise a browser (which asks for text/html first) gets the page. */
    private static boolean wantsHtml(Context ctx) {
        List<String> formats;
        try {
            formats = Queries.values(ctx, "format");
        } catch (FormBody.MalformedFormException e) {
            throw new RejectedRequest(new HttpProblem.Refused(400));
        }
        if (formats.size() > 1) {
            throw new RejectedRequest(new HttpProblem.Refused(400));
        }
        if (formats.size() == 1) {
            return switch (formats.get(0)) {
                case "html" -> true;
                case "json" -> false;
                default -> throw new RejectedRequest(new HttpProblem.Refused(400));
            };
        }
        String accept = ctx.header("Accept");
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("application/json");
        return html >= 0 && (json < 0 || html < json);
    }

    private static MailBody body(CapturedMail mail) {
        return new MailBody(mail.from(), mail.to(), mail.subject(), mail.text(),
                mail.receivedAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(mail.receivedAt()), mail.links());
    }

    /** A captured mail as the JSON list shows it. */
    record MailBody(String from, List<String> to, String subject, String text,
                    @JsonProperty("received_at") String receivedAt, List<String> links) {}
}
