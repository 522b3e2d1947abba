package dev.authbackbone.adapter.in.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The API describing itself: {@code GET /openapi.json}, the OpenAPI 3.0 document of every route
 * (a resource next to this class, kept honest by the contract test in bootstrap), and
 * {@code GET /docs}, a Swagger UI page reading it. Swagger UI comes from its WebJar on the
 * classpath, so the page loads nothing from the internet; its Content-Security-Policy allows this
 * server only (inline styles aside, which Swagger UI's components set).
 */
final class ApiDocsRoutes implements RouteGroup {

    static final String OPENAPI = "/openapi.json";
    static final String DOCS = "/docs";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The only files of the WebJar served: the page needs no more. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    private final byte[] openApi;
    private final byte[] page;
    private final byte[] script;
    private final Map<String, byte[]> assets = new LinkedHashMap<>();

    ApiDocsRoutes() {
        this.openApi = resource(ApiDocsRoutes.class, "openapi.json");
        this.page = resource(ApiDocsRoutes.class, "docs/index.html");
        this.script = resource(ApiDocsRoutes.class, "docs/docs.js");
        String base = WEBJAR + webjarVersion() + "/";
        ASSETS.keySet().forEach(name -> assets.put(name, classpath(base + name)));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(OPENAPI, ctx -> send(ctx, "application/json", openApi, "no-cache"));
        routes.head(OPENAPI, ctx -> send(ctx, "application/json", openApi, "no-cache"));
        // HEAD as GET, with GET's headers, as on every other page (HTTP's rule; Javalin does not do it by itself).
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.HEAD)) {
            routes.addHttpHandler(method, DOCS, ctx -> docs(ctx, "text/html; charset=utf-8", page));
            routes.addHttpHandler(method, DOCS + "/docs.js", ctx -> docs(ctx, "text/javascript; charset=utf-8", script));
            ASSETS.forEach((name, type) -> routes.addHttpHandler(method, DOCS + "/" + name, ctx -> docs(ctx, type, assets.get(name))));
        }
    }

    private static void docs(Context ctx, String contentType, byte[] body) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        send(ctx, contentType, body, "no-cache");
    }

    private static void send(Context ctx, String contentType, byte[] body, String cacheControl) {
        ctx.status(200);
        ctx.header("Cache-Control", cacheControl);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(contentType);
        ctx.result(body);
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(WEBJAR_VERSION)) {
            if (in == null) {
                throw new IllegalStateException("the Swagger UI WebJar is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] resource(Class<?> near, String name) {
        try (InputStream in = near.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] classpath(String path) {
        try (InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OpenAPI document as served, for tests. */
    static String openApiDocument() {
        return new String(resource(ApiDocsRoutes.class, "openapi.json"), StandardCharsets.UTF_8);
    }
}
