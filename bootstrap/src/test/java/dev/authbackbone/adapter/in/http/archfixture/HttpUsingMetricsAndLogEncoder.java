package dev.authbackbone.adapter.in.http.archfixture;

/** Deliberately breaks the rules: an adapter using the metrics library and the JSON log encoder directly. */
public class HttpUsingMetricsAndLogEncoder {
    public io.micrometer.core.instrument.Counter counter;
    public net.logstash.logback.encoder.LogstashEncoder encoder;
}
