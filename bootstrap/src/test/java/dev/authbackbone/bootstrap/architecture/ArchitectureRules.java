package dev.authbackbone.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The dependency rules of docs/architecture.md as ArchUnit rules. Maven already forbids the wrong
 * arrows between modules at compile time; these also guard what Maven cannot see: packages inside
 * a module, library confinement and cycles.
 */
final class ArchitectureRules {

    static final String DOMAIN = "dev.authbackbone.domain..";
    static final String APPLICATION = "dev.authbackbone.application..";
    static final String HTTP = "dev.authbackbone.adapter.in.http..";
    static final String PERSISTENCE = "dev.authbackbone.adapter.out.persistence..";
    static final String MAIL = "dev.authbackbone.adapter.out.mail..";
    static final String BOOTSTRAP = "dev.authbackbone.bootstrap..";
    /** Every adapter, those to come included: a new module under {@code adapter.in} or {@code adapter.out} is one. */
    static final String ADAPTERS = "dev.authbackbone.adapter..";
    static final String PORT_IN = "dev.authbackbone.domain.port.in..";
    static final String PORT_OUT = "dev.authbackbone.domain.port.out..";

    /** Every package a rule below names as its subject: each must hold production classes. */
    static final List<String> LAYERS = List.of(DOMAIN, APPLICATION, HTTP, PERSISTENCE, MAIL, BOOTSTRAP, PORT_IN, PORT_OUT);

    private ArchitectureRules() {}

    static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ONLY = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideOutsideOfPackages(DOMAIN, "java..")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("the domain holds the rules and the ports, free of frameworks and storage");

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_THE_JDK_ONLY = noClasses().that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideOutsideOfPackages(APPLICATION, DOMAIN, "java..")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("use cases orchestrate the domain through its ports only");

    static final ArchRule ADAPTERS_NEVER_DEPEND_ON_APPLICATION = noClasses().that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(APPLICATION)
            .because("adapters speak to the core through the domain's ports, never to services");

    /** The three named adapters have rules of their own; this one also holds for an adapter added later. */
    static final ArchRule ADAPTERS_DO_NOT_KNOW_EACH_OTHER = slices().matching("dev.authbackbone.adapter.(*).(*)..")
            .should().notDependOnEachOther()
            .because("bootstrap is the only composition root; adapters never know each other");

    /**
     * The core is given the time and its randomness ({@code Clock}, {@code RandomGenerator}), so that
     * every rule can be tested at any instant and with seeded randomness, and so that one request
     * works with one {@code now}.
     */
    static final ArchRule THE_CORE_IS_GIVEN_TIME_AND_RANDOMNESS = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callConstructor(SecureRandom.class)
            .because("the composition root chooses the clock and the random source; the core takes them as arguments");

    static final ArchRule ONLY_BOOTSTRAP_KNOWS_THE_HTTP_ADAPTER = onlyBootstrapUses(HTTP);
    static final ArchRule ONLY_BOOTSTRAP_KNOWS_THE_PERSISTENCE_ADAPTER = onlyBootstrapUses(PERSISTENCE);
    static final ArchRule ONLY_BOOTSTRAP_KNOWS_THE_MAIL_ADAPTER = onlyBootstrapUses(MAIL);

    static final ArchRule WEB_LIBRARIES_STAY_IN_THE_HTTP_ADAPTER = confined(HTTP,
            "io.javalin..", "com.fasterxml.jackson..", "com.auth0.jwt..", "io.github.resilience4j.ratelimiter..",
            "org.eclipse.jetty..", "jakarta.servlet..");

    static final ArchRule STORAGE_LIBRARIES_STAY_IN_THE_PERSISTENCE_ADAPTER = confined(PERSISTENCE,
            "org.jdbi..", "com.zaxxer.hikari..", "org.flywaydb..", "org.h2..", "org.postgresql..");

    static final ArchRule MAIL_LIBRARIES_STAY_IN_THE_MAIL_ADAPTER = confined(MAIL,
            "org.simplejavamail..", "io.github.resilience4j.circuitbreaker..", "jakarta.mail..", "org.eclipse.angus..",
            "com.icegreen..");

    /**
     * Micrometer is the composition root's: the adapters report through interfaces of their own
     * (HttpMetrics, HealthCheck, Database.poolUsage, breaker listeners), so a different metrics
     * library would change bootstrap only.
     */
    static final ArchRule METRICS_LIBRARY_STAYS_IN_BOOTSTRAP = confined(BOOTSTRAP, "io.micrometer..", "io.prometheus..");

    /** The JSON log encoder is named in logback.xml and nowhere else: code logs through SLF4J only. */
    static final ArchRule LOG_ENCODER_STAYS_IN_THE_LOGGING_CONFIGURATION = noClasses()
            .should().dependOnClassesThat().resideInAPackage("net.logstash..")
            .because("code logs through SLF4J; the output format is the logging configuration's business");

    /** An incoming port is a {@code *UseCase}; what it takes is a {@code *Command}, what it answers a {@code *Result}. */
    static final ArchRule INCOMING_PORTS_ARE_NAMED_FOR_THEIR_ROLE = classes().that().resideInAPackage(PORT_IN)
            .and().areTopLevelClasses()
            .should(beNamedForTheirRole())
            .because("a reader finds a use case, its command and its result by name");

    static final ArchRule USE_CASES_ARE_IMPLEMENTED_BY_APPLICATION_SERVICES = classes()
            .that().implement(JavaClass.Predicates.resideInAPackage(PORT_IN)
                    .and(JavaClass.Predicates.simpleNameEndingWith("UseCase")))
            .should().resideInAPackage(APPLICATION).andShould().haveSimpleNameEndingWith("Service")
            .because("each use case has one implementation, the service of the same name in application");

    static final ArchRule INCOMING_AND_OUTGOING_PORTS_DO_NOT_DEPEND_ON_EACH_OTHER = CompositeArchRule
            .of(noClasses().that().resideInAPackage(PORT_IN).should().dependOnClassesThat().resideInAPackage(PORT_OUT)
                    .because("the driving side and the driven side meet only in application"))
            .and(noClasses().that().resideInAPackage(PORT_OUT).should().dependOnClassesThat().resideInAPackage(PORT_IN)
                    .because("the driving side and the driven side meet only in application")
                    // The rule's own fixture holds no outgoing port; production always does (LAYERS checks it).
                    .allowEmptyShould(true));

    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching("dev.authbackbone.(**)")
            .should().beFreeOfCycles();

    static final List<ArchRule> ALL = List.of(
            DOMAIN_DEPENDS_ON_THE_JDK_ONLY, APPLICATION_DEPENDS_ON_DOMAIN_AND_THE_JDK_ONLY,
            ADAPTERS_NEVER_DEPEND_ON_APPLICATION, ONLY_BOOTSTRAP_KNOWS_THE_HTTP_ADAPTER,
            ONLY_BOOTSTRAP_KNOWS_THE_PERSISTENCE_ADAPTER, ONLY_BOOTSTRAP_KNOWS_THE_MAIL_ADAPTER,
            WEB_LIBRARIES_STAY_IN_THE_HTTP_ADAPTER, STORAGE_LIBRARIES_STAY_IN_THE_PERSISTENCE_ADAPTER,
            MAIL_LIBRARIES_STAY_IN_THE_MAIL_ADAPTER, METRICS_LIBRARY_STAYS_IN_BOOTSTRAP,
            LOG_ENCODER_STAYS_IN_THE_LOGGING_CONFIGURATION, NO_CYCLES_BETWEEN_PACKAGES,
            INCOMING_PORTS_ARE_NAMED_FOR_THEIR_ROLE, USE_CASES_ARE_IMPLEMENTED_BY_APPLICATION_SERVICES,
            INCOMING_AND_OUTGOING_PORTS_DO_NOT_DEPEND_ON_EACH_OTHER, ADAPTERS_DO_NOT_KNOW_EACH_OTHER,
            THE_CORE_IS_GIVEN_TIME_AND_RANDOMNESS);

    private static ArchCondition<JavaClass> beNamedForTheirRole() {
        return new ArchCondition<>("be a *UseCase or *Result interface, or a *Command record") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String name = type.getSimpleName();
                boolean named = name.equals("package-info") || (type.isInterface()
                        ? name.endsWith("UseCase") || name.endsWith("Result")
                        : name.endsWith("Command"));
                if (!named) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " is not named for its role"));
                }
            }
        };
    }

    private static ArchRule onlyBootstrapUses(String adapter) {
        return noClasses().that().resideOutsideOfPackages(adapter, BOOTSTRAP)
                .should().dependOnClassesThat().resideInAPackage(adapter)
                .because("bootstrap is the only composition root; adapters never know each other");
    }

    private static ArchRule confined(String adapter, String... libraries) {
        return noClasses().that().resideOutsideOfPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(libraries)
                .because("each library is a detail of the one adapter that owns it");
    }
}
