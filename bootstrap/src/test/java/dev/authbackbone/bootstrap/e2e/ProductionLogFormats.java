package dev.authbackbone.bootstrap.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encoders of the production logback.xml, loaded into a context of their own with
 * {@code auth.log.format} set as Main sets it, so tests render events exactly as a deployment would.
 */
final class ProductionLogFormats {

    static final List<String> FORMATS = List.of("text", "json");
    private static final Map<String, Encoder<ILoggingEvent>> ENCODERS = new ConcurrentHashMap<>();

    private ProductionLogFormats() {}

    /** The production encoder of {@code format} ({@code text} or {@code json}). */
    static Encoder<ILoggingEvent> encoder(String format) {
        return ENCODERS.computeIfAbsent(format, ProductionLogFormats::load);
    }

    /** {@code event} as the {@code format} appender writes it. */
    static String render(String format, ILoggingEvent event) {
        return new String(encoder(format).encode(event), StandardCharsets.UTF_8);
    }

    private static Encoder<ILoggingEvent> load(String format) {
        LoggerContext context = new LoggerContext();
        context.putProperty("auth.log.format", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(ProductionLogFormats.class.getResource("/logback.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        if (console == null) {
            throw new IllegalStateException("logback.xml has no CONSOLE appender for " + format);
        }
        return console.getEncoder();
    }
}
