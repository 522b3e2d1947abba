package dev.authbackbone.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Sibling modules arrive as jars in a reactor build; their test-jars are not production.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.authbackbone");

    static Stream<ArchRule> rules() {
        return ArchitectureRules.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void productionCode_followsRule(ArchRule rule) {
        rule.check(PRODUCTION);
    }

    @Test
    void everyPackageTheRulesName_holdsProductionClasses() {
        // A rule whose subject matches nothing passes silently; this makes a renamed package fail here.
        for (String layer : ArchitectureRules.LAYERS) {
            DescribedPredicate<JavaClass> inLayer = JavaClass.Predicates.resideInAPackage(layer);
            assertThat(PRODUCTION.that(inLayer)).as("production classes in %s", layer).isNotEmpty();
        }
    }
}
