package dev.authbackbone.bootstrap.ops;

import dev.authbackbone.adapter.in.http.HttpMetrics;
import dev.authbackbone.adapter.out.mail.CircuitBreakingMailSender;
import dev.authbackbone.adapter.out.persistence.Database;
import dev.authbackbone.domain.port.in.signing.ReadSigningKeysUseCase;
import dev.authbackbone.domain.port.out.MailSender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The server's metrics: one Prometheus registry with the JVM basics, and the ways each part of
 * the server reports into it. Every label value comes from a fixed set (route templates, enum
 * names), never from a request, so no address or token can become a label. Names are listed in
 * docs/operations.md.
 */
public final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        for (String limit : List.of("per_address", "per_account", "per_ip")) {
            rateLimitRejections(registry, limit);
        }
    }

    /** Every metric in the Prometheus text format, for {@code GET /metrics}. */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry itself, for the decorators in this package. */
    MeterRegistry registry() {
        return registry;
    }

    /** Request timings by method, route template and status, and per-IP refusals. */
    public HttpMetrics http() {
        return new MicrometerHttpMetrics(registry);
    }

    /** {@code delegate}, with the mails it sends and fails to send counted by kind. */
    public MailSender countMails(MailSender delegate) {
        return new MeteredMailSender(delegate, registry);
    }

    /** {@code source}, with every read of the signing keys counted, whatever asked for it (schedule or unknown kid). */
    public ReadSigningKeysUseCase countKeyReads(ReadSigningKeysUseCase source) {
        Counter reads = Counter.builder("auth.signing.key.reads")
                .description("Reads of the signing keys: the scheduled refresh, and background reads asked for by unknown kids")
                .register(registry);
        return () -> {
            reads.increment();
            return source.read();
        };
    }

    /** Gauges of the database pool: connections lent, idle, waited for, and the most it opens. */
    public void watch(Database database) {
        poolGauge(database, "active", usage -> usage.poolUsage().active());
        poolGauge(database, "idle", usage -> usage.poolUsage().idle());
        poolGauge(database, "pending", usage -> usage.poolUsage().pending());
        Gauge.builder("auth.db.pool.connections.max", database, d -> d.poolUsage().max())
                .description("The most connections the pool opens").register(registry);
    }

    private void poolGauge(Database database, String state, ToDoubleFunction<Database> value) {
        Gauge.builder("auth.db.pool.connections", database, value).tag("state", state)
                .description("Connections of the database pool by state (pending: threads waiting for one)")
                .register(registry);
    }

    /** The mail breaker's state (1 for the current one, 0 for the others) and its transitions. */
    public void watch(CircuitBreakingMailSender breaker) {
        for (CircuitBreakingMailSender.State state : CircuitBreakingMailSender.State.values()) {
            Gauge.builder("auth.mail.circuit.breaker.state", breaker, b -> b.state() == state ? 1 : 0)
                    .tag("state", lower(state.name()))
                    .description("1 for the state the mail circuit breaker is in, 0 for the others")
                    .register(registry);
        }
        String[][] usual = {{"CLOSED", "OPEN"}, {"OPEN", "HALF_OPEN"}, {"HALF_OPEN", "CLOSED"}, {"HALF_OPEN", "OPEN"}};
        for (String[] transition : usual) {
            transitions(transition[0], transition[1]);
        }
        breaker.onTransition((from, to) -> transitions(from.name(), to.name()).increment());
    }

    private Counter transitions(String from, String to) {
        return Counter.builder("auth.mail.circuit.breaker.transitions").tag("from", lower(from)).tag("to", lower(to))
                .description("Transitions of the mail circuit breaker").register(registry);
    }

    static Counter rateLimitRejections(MeterRegistry registry, String limit) {
        return Counter.builder("auth.rate.limit.rejections").tag("limit", limit)
                .description("Requests refused by a limit: per_address and per_account quotas, the per_ip and per_ip_token limits")
                .register(registry);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
