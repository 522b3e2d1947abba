package dev.authbackbone.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
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

    /** Every package a rule below names as its subject: each must hold production classes. */
    static final List<String> LAYERS = List.of(DOMAIN, APPLICATION, HTTP, PERSISTENCE, MAIL, BOOTSTRAP);

    private ArchitectureRules() {}

    static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ONLY = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideOutsideOfPackages(DOMAIN, "java..")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("the domain holds the rules and the ports, free of frameworks and storage");

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_THE_JDK_ONLY = noClasses().that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideOutsideOfPackages(APPLICATION, DOMAIN, "java..")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("use cases orchestrate the domain through its ports only");

    static final ArchRule ADAPTERS_NEVER_DEPEND_ON_APPLICATION = noClasses().that().resideInAnyPackage(HTTP, PERSISTENCE, MAIL)
            .should().dependOnClassesThat().resideInAPackage(APPLICATION)
            .because("adapters speak to the core through the domain's ports, never to services");

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

    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching("dev.authbackbone.(**)")
            .should().beFreeOfCycles();

    static final List<ArchRule> ALL = List.of(
            DOMAIN_DEPENDS_ON_THE_JDK_ONLY, APPLICATION_DEPENDS_ON_DOMAIN_AND_THE_JDK_ONLY,
            ADAPTERS_NEVER_DEPEND_ON_APPLICATION, ONLY_BOOTSTRAP_KNOWS_THE_HTTP_ADAPTER,
            ONLY_BOOTSTRAP_KNOWS_THE_PERSISTENCE_ADAPTER, ONLY_BOOTSTRAP_KNOWS_THE_MAIL_ADAPTER,
            WEB_LIBRARIES_STAY_IN_THE_HTTP_ADAPTER, STORAGE_LIBRARIES_STAY_IN_THE_PERSISTENCE_ADAPTER,
            MAIL_LIBRARIES_STAY_IN_THE_MAIL_ADAPTER, METRICS_LIBRARY_STAYS_IN_BOOTSTRAP,
            LOG_ENCODER_STAYS_IN_THE_LOGGING_CONFIGURATION, NO_CYCLES_BETWEEN_PACKAGES);

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
