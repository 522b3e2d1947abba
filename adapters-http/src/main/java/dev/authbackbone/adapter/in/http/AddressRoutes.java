package dev.authbackbone.adapter.in.http;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.address.MakePrimaryCommand;
import dev.authbackbone.domain.port.in.address.MakePrimaryUseCase;
import dev.authbackbone.domain.port.in.address.RemoveAddressCommand;
import dev.authbackbone.domain.port.in.address.RemoveAddressUseCase;
import dev.authbackbone.domain.session.Caller;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The signed-in account manages its addresses: which verified one is primary, and removing one. */
final class AddressRoutes implements RouteGroup {

    static final String PRIMARY = "/api/auth/emails/primary";
    static final String REMOVE = "/api/auth/emails/remove";

    private final MakePrimaryUseCase makePrimary;
    private final RemoveAddressUseCase remove;
    private final BearerAuthentication bearer;
    private final RequestBodies bodies;
    private final Responses responses;

    AddressRoutes(MakePrimaryUseCase makePrimary, RemoveAddressUseCase remove, BearerAuthentication bearer,
                  RequestBodies bodies, Responses responses) {
        this.makePrimary = makePrimary;
        this.remove = remove;
        this.bearer = bearer;
        this.bodies = bodies;
        this.responses = responses;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(PRIMARY, this::makePrimary);
        routes.post(REMOVE, this::remove);
    }

    private void makePrimary(Context ctx) {
        Caller caller = bearer.requireCaller(ctx);
        EmailAddress email = JsonFields.requiredEmail(bodies.jsonObject(ctx, false), "email");
        EmailAddress primary = Outcomes.madePrimary(makePrimary.makePrimary(new MakePrimaryCommand(caller, email,
                RequestTracing.origin(ctx))));
        responses.json(ctx, 200, new PrimaryBody(primary.value(), true));
    }

    private void remove(Context ctx) {
        Caller caller = bearer.requireCaller(ctx);
        EmailAddress email = JsonFields.requiredEmail(bodies.jsonObject(ctx, false), "email");
        EmailAddress removed = Outcomes.removed(remove.remove(new RemoveAddressCommand(caller, email,
                RequestTracing.origin(ctx))));
        responses.json(ctx, 200, new RemovedBody(removed.value(), true));
    }

    /** The answer to making an address primary. */
    record PrimaryBody(String email, boolean primary) {}

    /** The answer to removing an address. */
    record RemovedBody(String email, boolean removed) {}
}
