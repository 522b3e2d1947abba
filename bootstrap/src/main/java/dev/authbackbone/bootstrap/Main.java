package dev.authbackbone.bootstrap;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of {@code auth-backbone.jar}: starts the server, or runs an operator command. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.equals(List.of("serve"))) {
            try {
                AuthBackbone server = serve(System.getenv());
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
            } catch (ConfigurationException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            } catch (RuntimeException | Error e) {
                // One line says why; the trace is there for whoever turns on debug logging.
                LOG.error("auth-backbone could not start: {}", rootCause(e));
                LOG.debug("start-up failure", e);
                // Threads already started (database pool, dev inbox) would keep the JVM alive otherwise.
                System.exit(1);
            }
            return;
        }
        // An operator command prints its own result; the libraries' start-up chatter would bury it.
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
        Configuration config = Configuration.load(environment);
        config.unknownVariables().forEach(name ->
                LOG.warn("Unknown setting {} is ignored (a typo?); see docs/configuration.md", name));
        LOG.info("Starting auth-backbone with:{}{}", System.lineSeparator(), config.describe());
        long started = System.nanoTime();
        AuthBackbone server = AuthBackbone.start(config);
        LOG.info("auth-backbone ready on http://{}:{} in {} ms", config.httpHost(), server.port(),
                (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /** Runs an operator command; returns the process exit code. */
    public static int command(List<String> arguments, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            return new OperatorCommands(Configuration.load(environment), out, err).run(arguments);
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
