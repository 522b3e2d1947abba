/**
 * The mail adapter: renders the domain's {@code Mail} kinds into text and HTML
 * ({@link dev.authbackbone.adapter.out.mail.MailTemplates}), sends them over SMTP with simplejavamail
 * ({@link dev.authbackbone.adapter.out.mail.SimpleJavaMailSender}) and guards the transport with a
 * resilience4j circuit breaker ({@link dev.authbackbone.adapter.out.mail.CircuitBreakingMailSender}),
 * all behind the {@code MailSender} port. simplejavamail, Jakarta Mail and resilience4j stay inside
 * this package; only {@code bootstrap} depends on it, to build the settings records and wire the
 * senders.
 */
package dev.authbackbone.adapter.out.mail;
