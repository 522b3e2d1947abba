package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.ViewAccountResult;
import dev.authbackbone.domain.port.in.ViewAccountUseCase;
import dev.authbackbone.domain.token.EmailToken;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The signed-in account, its verified addresses and its pending ones. */
final class AccountRoutes implements RouteGroup {

    static final String ME = "/api/auth/me";

    private final ViewAccountUseCase viewAccount;
    private final BearerAuthentication bearer;
    private final Responses responses;

    AccountRoutes(ViewAccountUseCase viewAccount, BearerAuthentication bearer, Responses responses) {
        this.viewAccount = viewAccount;
        this.bearer = bearer;
        this.responses = responses;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(ME, this::me);
        routes.head(ME, this::me);
    }

    private void me(Context ctx) {
        ViewAccountResult result = viewAccount.view(bearer.require(ctx));
        if (result instanceof ViewAccountResult.Found found) {
            responses.json(ctx, 200, body(found));
            return;
        }
        throw Refusals.rejection(result);
    }

    /**
     * Verified identities first, the primary one leading, then one entry per pending address
     * (the newest token stands for it) that is not verified already.
     */
    static AccountBody body(ViewAccountResult.Found found) {
        List<EmailEntry> emails = new ArrayList<>();
        Set<EmailAddress> listed = new HashSet<>();
        found.verified().stream()
                .sorted(Comparator.comparing(identity -> !identity.primary()))
                .forEach(identity -> {
                    if (listed.add(identity.email())) {
                        emails.add(verified(identity));
                    }
                });
        for (EmailToken token : found.pending()) {
            if (listed.add(token.email())) {
                emails.add(new EmailEntry(token.email().value(), false, false, null));
            }
        }
        return new AccountBody(found.account().id().toString(), iso(found.account().createdAt()), emails);
    }

    private static EmailEntry verified(EmailIdentity identity) {
        return new EmailEntry(identity.email().value(), true, identity.primary(), iso(identity.verifiedAt()));
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The account as {@code /api/auth/me} shows it. */
    record AccountBody(String id, @JsonProperty("created_at") String createdAt, List<EmailEntry> emails) {}

    /** One address of the account; {@code verifiedAt} is null while it is pending. */
    record EmailEntry(String email, boolean verified, boolean primary, @JsonProperty("verified_at") String verifiedAt) {}
}
