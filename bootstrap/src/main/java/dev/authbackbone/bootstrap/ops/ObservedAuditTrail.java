package dev.authbackbone.bootstrap.ops;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.port.out.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Puts every audit event in three places: the trail it decorates (the database), one line of the
 * security log, and the counters ({@code auth_audit_events_total}, the token counters and the
 * quota share of {@code auth_rate_limit_rejections_total}). It is the example of a second
 * destination for the trail that docs/extending.md starts from.
 *
 * <p>An event recorded in a unit of work that then rolls back is logged and counted all the same:
 * the line says what was attempted; the database says what happened.
 */
public final class ObservedAuditTrail implements AuditTrail {

    /** The security log's name; the HTTP adapter writes its own security lines to the same logger. */
    public static final String SECURITY_LOG = "auth-backbone.security";

    private static final Logger LOG = LoggerFactory.getLogger(SECURITY_LOG);
    private static final Map<AuditEventType, String> NAMES = new EnumMap<>(AuditEventType.class);

    static {
        for (AuditEventType type : AuditEventType.values()) {
            NAMES.put(type, Metrics.lower(type.name()));
        }
    }

    private final AuditTrail delegate;
    private final MeterRegistry registry;
    // Every request records events: looking a counter up through its builder each time cost a new
    // meter id, its tags and a registry lookup per event. A type's counter is registered when the
    // type first occurs, as before, so /metrics lists the same series.
    private final Map<AuditEventType, Counter> events = new ConcurrentHashMap<>();
    private final Counter signInIssued;
    private final Counter confirmationIssued;
    private final Counter signInConfirmed;
    private final Counter confirmationConfirmed;

    /** Records into {@code delegate}, and logs and counts into {@code metrics}. */
    public ObservedAuditTrail(AuditTrail delegate, Metrics metrics) {
        this.delegate = delegate;
        this.registry = metrics.registry();
        this.confirmationIssued = tokens("issued", "email_confirmation");
        this.confirmationConfirmed = tokens("confirmed", "email_confirmation");
        this.signInIssued = tokens("issued", "sign_in");
        this.signInConfirmed = tokens("confirmed", "sign_in");
    }

    @Override
    public void record(AuditEvent event) {
        delegate.record(event);
        log(event);
        count(event);
    }

    @Override
    public List<AuditEvent> recentFor(AccountId account, int limit) {
        return delegate.recentFor(account, limit);
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return delegate.purgeBefore(cutoff);
    }

    private void log(AuditEvent event) {
        String type = NAMES.get(event.type());
        LoggingEventBuilder line = event.type() == AuditEventType.MAIL_FAILED ? LOG.atWarn() : LOG.atInfo();
        line = line.addKeyValue("event", type);
        if (event.account().isPresent()) {
            line = line.addKeyValue("account", event.account().get().toString());
        }
        if (event.maskedEmail().isPresent()) {
            line = line.addKeyValue("email", event.maskedEmail().get());
        }
        if (event.reason().isPresent()) {
            line = line.addKeyValue("reason", event.reason().get());
        }
        if (event.origin().clientIp().isPresent()) {
            line = line.addKeyValue("client_ip", event.origin().clientIp().get());
        }
        line.log("{} account={} email={} reason={}", type, event.account().map(AccountId::toString).orElse("-"),
                event.maskedEmail().orElse("-"), event.reason().orElse("-"));
    }

    private void count(AuditEvent event) {
        events.computeIfAbsent(event.type(), type -> Counter.builder("auth.audit.events").tag("type", NAMES.get(type))
                .description("Audit events by type").register(registry)).increment();
        switch (event.type()) {
            case SIGN_IN_LINK_REQUESTED -> signInIssued.increment();
            case CONFIRMATION_REQUESTED -> confirmationIssued.increment();
            case SIGNED_IN -> signInConfirmed.increment();
            case EMAIL_CONFIRMED -> confirmationConfirmed.increment();
            case SIGN_IN_REJECTED -> rejected("sign_in", event);
            case CONFIRMATION_REJECTED -> rejected("email_confirmation", event);
            case RATE_LIMITED -> Metrics.rateLimitRejections(registry, event.reason().orElse("unknown")).increment();
            default -> { }
        }
    }

    private Counter tokens(String what, String purpose) {
        return Counter.builder("auth.tokens." + what).tag("purpose", purpose)
                .description("Link tokens " + what + ", by purpose").register(registry);
    }

    private void rejected(String purpose, AuditEvent event) {
        Counter.builder("auth.tokens.rejected").tag("purpose", purpose).tag("reason", event.reason().orElse("unknown"))
                .description("Link tokens refused, by purpose and reason").register(registry).increment();
    }
}
