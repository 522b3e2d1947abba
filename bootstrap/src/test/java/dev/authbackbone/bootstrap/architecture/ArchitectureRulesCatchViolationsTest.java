package dev.authbackbone.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.authbackbone.adapter.in.http.archfixture.HttpImplementingUseCase;
import dev.authbackbone.adapter.in.http.archfixture.HttpUsingMail;
import dev.authbackbone.adapter.in.http.archfixture.HttpUsingMetricsAndLogEncoder;
import dev.authbackbone.adapter.out.mail.archfixture.MailUsingJavalin;
import dev.authbackbone.adapter.out.persistence.archfixture.PersistenceFixture;
import dev.authbackbone.application.archfixture.ApplicationReadingTheSystemClock;
import dev.authbackbone.application.archfixture.ApplicationUsingHttp;
import dev.authbackbone.domain.archfixture.DomainUsingApplication;
import dev.authbackbone.domain.archfixture.DomainUsingJdbc;
import dev.authbackbone.domain.port.in.archfixture.PortInUsingPortOut;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule, run over classes written to break it, must report that class: no rule is toothless. */
class ArchitectureRulesCatchViolationsTest {

    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importClasses(
            DomainUsingJdbc.class, DomainUsingApplication.class, ApplicationUsingHttp.class,
            HttpUsingMail.class, MailUsingJavalin.class, PersistenceFixture.class, HttpUsingMetricsAndLogEncoder.class,
            PortInUsingPortOut.class, HttpImplementingUseCase.class, ApplicationReadingTheSystemClock.class);

    static Stream<Arguments> rulesAndTheirViolators() {
        Map<ArchRule, Class<?>> cases = Map.ofEntries(
                Map.entry(ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY, DomainUsingJdbc.class),
                Map.entry(ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_AND_THE_JDK_ONLY, ApplicationUsingHttp.class),
                Map.entry(ArchitectureRules.ADAPTERS_NEVER_DEPEND_ON_APPLICATION, HttpUsingMail.class),
                Map.entry(ArchitectureRules.ONLY_BOOTSTRAP_KNOWS_THE_HTTP_ADAPTER, ApplicationUsingHttp.class),
                Map.entry(ArchitectureRules.ONLY_BOOTSTRAP_KNOWS_THE_MAIL_ADAPTER, HttpUsingMail.class),
                Map.entry(ArchitectureRules.ONLY_BOOTSTRAP_KNOWS_THE_PERSISTENCE_ADAPTER, HttpUsingMail.class),
                Map.entry(ArchitectureRules.WEB_LIBRARIES_STAY_IN_THE_HTTP_ADAPTER, MailUsingJavalin.class),
                Map.entry(ArchitectureRules.STORAGE_LIBRARIES_STAY_IN_THE_PERSISTENCE_ADAPTER, HttpUsingMail.class),
                Map.entry(ArchitectureRules.MAIL_LIBRARIES_STAY_IN_THE_MAIL_ADAPTER, HttpUsingMail.class),
                Map.entry(ArchitectureRules.METRICS_LIBRARY_STAYS_IN_BOOTSTRAP, HttpUsingMetricsAndLogEncoder.class),
                Map.entry(ArchitectureRules.LOG_ENCODER_STAYS_IN_THE_LOGGING_CONFIGURATION,
                        HttpUsingMetricsAndLogEncoder.class),
                Map.entry(ArchitectureRules.NO_CYCLES_BETWEEN_PACKAGES, DomainUsingApplication.class),
                Map.entry(ArchitectureRules.INCOMING_PORTS_ARE_NAMED_FOR_THEIR_ROLE, PortInUsingPortOut.class),
                Map.entry(ArchitectureRules.USE_CASES_ARE_IMPLEMENTED_BY_APPLICATION_SERVICES, HttpImplementingUseCase.class),
                Map.entry(ArchitectureRules.INCOMING_AND_OUTGOING_PORTS_DO_NOT_DEPEND_ON_EACH_OTHER, PortInUsingPortOut.class),
                Map.entry(ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER, HttpUsingMail.class),
                Map.entry(ArchitectureRules.THE_CORE_IS_GIVEN_TIME_AND_RANDOMNESS, ApplicationReadingTheSystemClock.class));
        assertThat(cases.keySet()).containsExactlyInAnyOrderElementsOf(ArchitectureRules.ALL);
        return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest
    @MethodSource("rulesAndTheirViolators")
    void rule_onAClassThatBreaksIt_fails(ArchRule rule, Class<?> violator) {
        EvaluationResult result = rule.evaluate(VIOLATIONS);

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(violator.getSimpleName());
    }
}
