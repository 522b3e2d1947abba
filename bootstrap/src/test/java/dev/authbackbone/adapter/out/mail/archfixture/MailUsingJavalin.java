package dev.authbackbone.adapter.out.mail.archfixture;

/** Deliberately breaks the rules: the mail adapter using the web library. */
public class MailUsingJavalin {
    public io.javalin.Javalin web;
    public io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;
}
