package dev.authbackbone.bootstrap;

import dev.authbackbone.adapter.out.persistence.Database;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.email.InvalidEmailAddressException;
import dev.authbackbone.domain.port.in.account.ManageAccountResult;
import dev.authbackbone.domain.port.in.account.ManageAccountUseCase;
import dev.authbackbone.adapter.out.persistence.JdbiSigningKeyRepository;
import dev.authbackbone.application.signing.SigningKeyService;
import dev.authbackbone.domain.port.in.signing.RotateSigningKeyResult;
import dev.authbackbone.domain.port.in.signing.RotateSigningKeyUseCase;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The operator's command line, {@code java -jar auth-backbone.jar accounts …}: works on the
 * configured database whether or not a server is running on it (the embedded H2 file is opened in
 * auto-server mode with the password the first opener generated into the data folder, readable by
 * this operating-system user only; PostgreSQL is shared anyway). Its objects come from
 * {@link AuthBackbone}, the one composition root.
 */
final class OperatorCommands {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar auth-backbone.jar [serve]",
            "       java -jar auth-backbone.jar accounts create <email>              open an account, print an access and a refresh token",
            "       java -jar auth-backbone.jar accounts disable <account id | email>",
            "       java -jar auth-backbone.jar accounts enable <account id | email>",
            "       java -jar auth-backbone.jar keys rotate                          sign new access tokens with a new key");

    private static final String EMBEDDED_FILE = "jdbc:h2:file:";

    private final Configuration config;
    private final PrintStream out;
    private final PrintStream err;

    OperatorCommands(Configuration config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code accounts <verb> <argument>}; returns the process exit code. */
    int run(List<String> args) {
        if (args.size() == 1 && List.of("help", "--help", "-h").contains(args.get(0))) {
            out.println(USAGE);
            return 0;
        }
        if (args.equals(List.of("keys", "rotate"))) {
            return rotateKeys();
        }
        if (args.size() != 3 || !args.get(0).equals("accounts") || !List.of("create", "disable", "enable").contains(args.get(1))) {
            // Say what was not understood before how it is written: a bare usage text reads as help, not a refusal.
            err.println("not a command: " + String.join(" ", args));
            err.println(USAGE);
            return 2;
        }
        String verb = args.get(1);
        String argument = args.get(2);
        EmailAddress newAddress = null;
        if (verb.equals("create")) {
            try {
                newAddress = EmailAddress.parse(argument);
            } catch (InvalidEmailAddressException e) {
                err.println("accounts create: " + e.reason());
                return 2;
            }
        }
        if (!verb.equals("create") && noEmbeddedDatabase("accounts " + verb)) {
            return 1;
        }
        if (verb.equals("create")) {
            // Opening an account may be the first use of a database; the operator learns where it went.
            embeddedDatabaseFile().filter(file -> !Files.exists(file)).ifPresent(file -> err.println(
                    "accounts create: no database at " + file + " yet: creating it; start the server with the same"
                    + " AUTH_DATA_DIR to use it"));
        }
        Clock clock = Clock.systemUTC();
        try (Database database = openDatabase()) {
            ManageAccountUseCase accounts = AuthBackbone.accountCommands(
                    AuthBackbone.Storage.on(database, UnaryOperator.identity()), config.tokens().sessionPolicy(), clock,
                    new SecureRandom());
            return switch (verb) {
                case "create" -> create(accounts, newAddress, clock, database);
                case "disable" -> report(accounts.setDisabled(argument, true), "disabled", argument);
                default -> report(accounts.setDisabled(argument, false), "enabled", argument);
            };
        }
    }

    private int create(ManageAccountUseCase accounts, EmailAddress email, Clock clock, Database database) {
        return accounts.open(email).accept(new ManageAccountResult.Visitor<>() {
            @Override
            public Integer opened(ManageAccountResult.Opened opened) {
                // A session like a sign-in's: the token carries its sid, and sign-out or disabling ends it.
                // Minting may log: do it before printing, so the lines stay together.
                String token = AuthBackbone.signing(config, database, clock, new SecureRandom(), UnaryOperator.identity()).tokens()
                        .issue(opened.account(), opened.session().id()).value();
                out.println("account " + opened.account() + " opened for " + email.value());
                out.println("access token (valid " + Configuration.human(config.tokens().accessTtl()) + "):");
                out.println(token);
                out.println("refresh token (single use; valid " + Configuration.human(config.tokens().refreshTtl())
                        + " without use, at most " + Configuration.human(config.tokens().sessionMaxTtl()) + "):");
                out.println(opened.session().refreshToken().reveal());
                return 0;
            }

            @Override
            public Integer addressTaken(ManageAccountResult.AddressTaken taken) {
                err.println("accounts create: " + email.value() + " is already verified on another account; nothing changed");
                return 1;
            }

            @Override
            public Integer done(ManageAccountResult.Done done) {
                throw new IllegalStateException("opening an account never acts on an existing one");
            }

            @Override
            public Integer unknownAccount(ManageAccountResult.UnknownAccount unknown) {
                throw new IllegalStateException("opening an account never looks one up");
            }
        });
    }

    /** {@code keys rotate}: a new database key signs from now on; the old one stays published while its tokens live. */
    private int rotateKeys() {
        if (config.tokens().secret().isPresent()) {
            err.println("keys rotate: AUTH_JWT_SECRET is set, so tokens are HS256 with that secret and there is no key to rotate; "
                    + "change the secret instead (every token in circulation then stops working)");
            return 1;
        }
        if (config.tokens().signingKeys().privateKeyFile().isPresent()) {
            err.println("keys rotate: the key comes from AUTH_JWT_PRIVATE_KEY_FILE; rotating it is the operator's job "
                    + "(see docs/operations.md)");
            return 1;
        }
        if (noEmbeddedDatabase("keys rotate")) {
            return 1;
        }
        Clock clock = Clock.systemUTC();
        Duration grace = AuthBackbone.keyGrace(config);
        try (Database database = openDatabase()) {
            RotateSigningKeyResult result = new SigningKeyService(new JdbiSigningKeyRepository(database), clock,
                    new SecureRandom(), config.tokens().signingKeys().rotation(), grace)
                    .rotate(RotateSigningKeyUseCase.Trigger.OPERATOR);
            String spread = "; every running instance publishes it within "
                    + Configuration.human(config.tokens().signingKeys().refresh()) + " and signs with it after "
                    + Configuration.human(AuthBackbone.publishDelay(config))
                    + ", and the previous public key stays in the JWKS for " + Configuration.human(grace);
            out.println(result.accept(new RotateSigningKeyResult.Visitor<String>() {
                @Override
                public String rotated(RotateSigningKeyResult.Rotated rotated) {
                    return "signing key " + rotated.kid() + " signs new access tokens" + spread;
                }

                @Override
                public String rotatedElsewhere(RotateSigningKeyResult.RotatedElsewhere elsewhere) {
                    return "another instance rotated at the same moment: its signing key " + elsewhere.kid()
                            + " signs new access tokens" + spread;
                }

                @Override
                public String notDue(RotateSigningKeyResult.NotDue notDue) {
                    throw new IllegalStateException("an operator's rotation was found not due");
                }
            }));
            return 0;
        }
    }

    /** The configured database with a small pool: a command does one thing at a time. */
    /**
     * Whether the embedded database this command would open does not exist (and says so). Opening
     * it would create an empty one: run from another folder, {@code keys rotate} reported a rotation
     * that no server would ever see, and an operator rotating after a leak believed it done (an
     * outside probe). A server creates its database; a command only works on one.
     */
    private boolean noEmbeddedDatabase(String command) {
        Optional<Path> file = embeddedDatabaseFile();
        if (file.isEmpty() || Files.exists(file.get())) {
            return false;
        }
        err.println(command + ": no database at " + file.get() + "; run the command in the folder the server runs in"
                + " (its ./data), or set AUTH_DATA_DIR or AUTH_DB_URL as the server has them; nothing changed");
        return true;
    }

    /** The file of the embedded database the configuration names, if it names one. */
    private Optional<Path> embeddedDatabaseFile() {
        String url = config.persistence().url();
        if (!url.regionMatches(true, 0, EMBEDDED_FILE, 0, EMBEDDED_FILE.length())) {
            return Optional.empty();
        }
        String path = url.substring(EMBEDDED_FILE.length());
        int settings = path.indexOf(';');
        return Optional.of(Path.of((settings < 0 ? path : path.substring(0, settings)) + ".mv.db"));
    }

    private Database openDatabase() {
        Configuration.Persistence stored = config.persistence();
        return Database.open(stored.url(), stored.user(), stored.password(), 2);
    }

    private int report(ManageAccountResult result, String what, String reference) {
        return result.accept(new ManageAccountResult.Visitor<>() {
            @Override
            public Integer done(ManageAccountResult.Done done) {
                out.println("account " + done.account() + " " + what);
                return 0;
            }

            @Override
            public Integer unknownAccount(ManageAccountResult.UnknownAccount unknown) {
                err.println("accounts: no account has the id or verified address \"" + reference + "\"; nothing changed");
                return 1;
            }

            @Override
            public Integer opened(ManageAccountResult.Opened opened) {
                throw new IllegalStateException("enabling or disabling an account never opens one");
            }

            @Override
            public Integer addressTaken(ManageAccountResult.AddressTaken taken) {
                throw new IllegalStateException("enabling or disabling an account never links an address");
            }
        });
    }
}
