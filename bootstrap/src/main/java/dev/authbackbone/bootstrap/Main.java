package dev.authbackbone.bootstrap;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code auth-backbone.jar}: starts the server, or runs an operator command.
 *
 * <p>Nothing here may log before {@link #main} has chosen the log format: Logback reads its
 * configuration once, on first use, so the logger is fetched lazily rather than held in a static field.
 */
public final class Main {

    /** The system property logback.xml reads to pick its appender ({@code text} or {@code json}). */
    static final String LOG_FORMAT_PROPERTY = "auth.log.format";
    /** The system property logback.xml reads to pick the console stream ({@code System.out} unless set). */
    static final String LOG_TARGET_PROPERTY = "auth.log.target";

    private Main() {}

    private static Logger log() {
        return LoggerFactory.getLogger(Main.class);
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.equals(List.of("serve"))) {
            try {
                Configuration config = Configuration.load(System.getenv());
                System.setProperty(LOG_FORMAT_PROPERTY, config.logFormat().appender());
                AuthBackbone server = serve(config);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
            } catch (ConfigurationException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            } catch (RuntimeException | Error e) {
                // One line says why; the trace is there for whoever turns on debug logging.
                log().error("auth-backbone could not start: {}", rootCause(e));
                log().debug("start-up failure", e);
                // Threads already started (database pool, dev inbox) would keep the JVM alive otherwise.
                System.exit(1);
            }
            return;
        }
        // An operator command prints its own result on stdout; log lines go to stderr, and only
        // warnings, so the libraries' start-up chatter cannot bury or split that result.
        System.setProperty(LOG_TARGET_PROPERTY, "System.err");
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        System.exit(command(arguments, System.getenv(), System.out, System.err));
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

    /** Starts the server as {@code java -jar} does: configuration from {@code environment}, settings logged. */
    public static AuthBackbone serve(Map<String, String> environment) {
        return serve(Configuration.load(environment));
    }

    private static AuthBackbone serve(Configuration config) {
        config.unknownVariables().forEach(name ->
                log().warn("Unknown setting {} is ignored (a typo?); see docs/configuration.md", name));
        Logger summary = LoggerFactory.getLogger(StartupSummaryFilter.LOGGER);
        summary.info("Starting auth-backbone with:{}{}", System.lineSeparator(), config.describe());
        long started = System.nanoTime();
        AuthBackbone server = AuthBackbone.start(config);
        String host = config.http().host();
        // An IPv6 literal needs its brackets in a URL (http://[::1]:8080).
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        summary.info("auth-backbone ready on {} in {} ms; API reference at {}/docs{}", base,
                (System.nanoTime() - started) / 1_000_000, base,
                config.mail().smtp().isPresent() ? "" : "; development inbox at " + base + "/dev/mailbox");
        return server;
    }

    /** Runs an operator command; returns the process exit code. */
    public static int command(List<String> arguments, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            return new OperatorCommands(Configuration.load(environment), out, err).run(arguments);
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // A database that cannot be reached, say: one line for the operator, not a stack trace.
            err.println("auth-backbone: the command failed: " + rootCause(e));
            return 1;
        }
    }
}
