package dev.authbackbone.adapter.in.http;

import io.javalin.config.RoutesConfig;

/**
 * A resource's routes. Javalin 7 takes routes only while the server is configured, so the
 * composition root hands extra groups (health, metrics, the OpenAPI document) to {@link HttpServer}
 * and they get the same error dialects as ours.
 */
public interface RouteGroup {

    /** Registers this group's handlers. */
    void addTo(RoutesConfig routes);
}
