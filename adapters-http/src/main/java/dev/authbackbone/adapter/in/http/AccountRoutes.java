package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsUseCase;
import dev.authbackbone.domain.port.in.account.ViewAccountResult;
import dev.authbackbone.domain.port.in.account.ViewAccountUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The signed-in account: its verified addresses and its pending ones, and its recent security events. */
final class AccountRoutes implements RouteGroup {

    static final String ME = "/api/auth/me";
    static final String EVENTS = "/api/auth/me/events";

    private final ViewAccountUseCase viewAccount;
    private final ViewAccountEventsUseCase viewEvents;
    private final BearerAuthentication bearer;
    private final Responses responses;

    AccountRoutes(ViewAccountUseCase viewAccount, ViewAccountEventsUseCase viewEvents, BearerAuthentication bearer,
                  Responses responses) {
        this.viewAccount = viewAccount;
        this.viewEvents = viewEvents;
        this.bearer = bearer;
        this.responses = responses;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(ME, this::me);
        routes.head(ME, this::me);
        routes.get(EVENTS, this::events);
        routes.head(EVENTS, this::events);
    }

    private void events(Context ctx) {
        List<AuditEvent> events = Outcomes.found(viewEvents.events(bearer.require(ctx)));
        responses.json(ctx, 200, new EventsBody(events.stream().map(AccountRoutes::event).toList()));
    }

    private static EventEntry event(AuditEvent event) {
        return new EventEntry(event.type().name().toLowerCase(Locale.ROOT), iso(event.occurredAt()),
                event.maskedEmail().orElse(null), event.reason().orElse(null),
                event.origin().clientIp().orElse(null), event.origin().requestId().orElse(null));
    }

    private void me(Context ctx) {
        responses.json(ctx, 200, body(Outcomes.found(viewAccount.view(bearer.require(ctx)))));
    }

    /** The account as the use case shows it: verified identities (primary first), then its pending addresses. */
    private static AccountBody body(ViewAccountResult.Found found) {
        Stream<EmailEntry> verified = found.verified().stream().map(AccountRoutes::verified);
        Stream<EmailEntry> pending = found.pending().stream()
                .map(token -> new EmailEntry(token.email().value(), false, false, null));
        return new AccountBody(found.account().id().toString(), iso(found.account().createdAt()),
                Stream.concat(verified, pending).toList());
    }

    private static EmailEntry verified(EmailIdentity identity) {
        return new EmailEntry(identity.email().value(), true, identity.primary(), iso(identity.verifiedAt()));
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The account as {@code /api/auth/me} shows it. */
    record AccountBody(String id, @JsonProperty("created_at") String createdAt, List<EmailEntry> emails) {}

    /** The account's recent events, newest first. */
    record EventsBody(List<EventEntry> events) {}

    /** One event; the address is masked, and absent (null) like the reason where the event has none. */
    record EventEntry(String type, @JsonProperty("occurred_at") String occurredAt, String email, String reason,
                      @JsonProperty("client_ip") String clientIp, @JsonProperty("request_id") String requestId) {}

    /** One address of the account; {@code verifiedAt} is null while it is pending. */
    record EmailEntry(String email, boolean verified, boolean primary, @JsonProperty("verified_at") String verifiedAt) {}
}
