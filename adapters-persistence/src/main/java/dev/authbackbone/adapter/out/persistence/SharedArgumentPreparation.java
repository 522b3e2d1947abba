package dev.authbackbone.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.Arguments;
import org.jdbi.v3.core.argument.QualifiedArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.qualifier.QualifiedType;

/**
 * Remembers, once for the whole {@link org.jdbi.v3.core.Jdbi}, how each plain value type our
 * statements bind is written. JDBI copies its configuration for every statement, and the copy of
 * {@link Arguments} starts with an empty cache of prepared factories: every bound type searched the
 * built-in argument factories again, on every statement (4 % of a request-email-confirmation's CPU
 * in the profile). Registered last, this factory is asked first; for the types below it asks the
 * other factories once, in JDBI's own order, and keeps their answer. Other types go to JDBI as if
 * this factory were not there.
 */
final class SharedArgumentPreparation implements QualifiedArgumentFactory.Preparable {

    /**
     * Only these: the built-in factories' answers for them write the value and keep no state of
     * the statement they were prepared for, so one answer serves every statement.
     */
    private static final Set<Class<?>> SHARED = Set.of(String.class, UUID.class, OffsetDateTime.class, Integer.class,
            int.class, Long.class, long.class, Boolean.class, boolean.class);

    private final Map<Class<?>, Function<Object, Argument>> prepared = new ConcurrentHashMap<>();

    @Override
    public Optional<Function<Object, Argument>> prepare(QualifiedType<?> type, ConfigRegistry config) {
        if (!type.hasNoQualifiers() || !(type.getType() instanceof Class<?> raw) || !SHARED.contains(raw)) {
            return Optional.empty();
        }
        Function<Object, Argument> known = prepared.get(raw);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Function<Object, Argument>> found = fromTheOthers(type, config);
        found.ifPresent(function -> prepared.putIfAbsent(raw, function));
        return found;
    }

    /** As {@link Arguments#prepareFor}: the first preparable factory after this one that accepts the type. */
    private Optional<Function<Object, Argument>> fromTheOthers(QualifiedType<?> type, ConfigRegistry config) {
        List<QualifiedArgumentFactory> factories = config.get(Arguments.class).getFactories();
        for (QualifiedArgumentFactory factory : factories) {
            if (factory != this && factory instanceof QualifiedArgumentFactory.Preparable preparable) {
                Optional<Function<Object, Argument>> function = preparable.prepare(type, config);
                if (function.isPresent()) {
                    return function;
                }
            }
        }
        return Optional.empty();
    }

    /** Never binds a value itself: {@link #prepare} answers, or JDBI's own factories do. */
    @Override
    public Optional<Argument> build(QualifiedType<?> type, Object value, ConfigRegistry config) {
        return Optional.empty();
    }
}
