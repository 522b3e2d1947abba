package dev.authbackbone.adapter.out.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the annotated test class once per database, as {@code OnEveryDatabase} does, with that
 * database already opened and migrated: the class declares {@code @Parameter MigratedDatabase db}.
 * JUnit closes (and so drops) each database after the class has run on it, because it is
 * {@link AutoCloseable}. The repository tests extend the domain's contract classes, so this takes
 * the place of a shared base class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.authbackbone.adapter.out.persistence.MigratedDatabase#onEveryDatabase")
@interface OnEveryMigratedDatabase {
}
