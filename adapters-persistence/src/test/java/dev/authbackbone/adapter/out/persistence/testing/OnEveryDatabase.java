package dev.authbackbone.adapter.out.persistence.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Runs the annotated test class once per {@link TestDatabase#AVAILABLE database}: H2 always,
 * PostgreSQL when {@code AUTH_TEST_POSTGRES_URL} is set. The class declares the database as a
 * field {@code @Parameter TestDatabase database}; a static {@code @BeforeParameterizedClassInvocation}
 * method may take it as its argument and then plays the part of {@code @BeforeAll} for each
 * database in turn ({@code @AfterParameterizedClassInvocation} that of {@code @AfterAll}). The
 * end-to-end tests run on every database this way; the persistence adapter's repository tests
 * through {@code OnEveryMigratedDatabase}, which also opens and drops the database for them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@FieldSource("dev.authbackbone.adapter.out.persistence.testing.TestDatabase#AVAILABLE")
public @interface OnEveryDatabase {
}
