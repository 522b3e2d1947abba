package dev.authbackbone.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Splits the console between the start-up summary and every other line (see logback.xml). The
 * summary is built by {@link Configuration#describe()} with its secrets already masked, and names
 * the sender address, which is no secret and which an operator needs to read whole; every other
 * line keeps the mailbox masking, since it may carry a recipient's address.
 */
public final class StartupSummaryFilter extends Filter<ILoggingEvent> {

    /** The logger the summary is written to. */
    public static final String LOGGER = "dev.authbackbone.startup";

    private boolean summary;

    /** {@code true}: this appender prints only the summary; {@code false}: everything but the summary. */
    public void setSummary(boolean summary) {
        this.summary = summary;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return LOGGER.equals(event.getLoggerName()) == summary ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
