/**
 * The development inbox: an in-process SMTP server (GreenMail) on the loopback interface that
 * captures every mail in memory, used when no SMTP host is configured, so that a single machine
 * runs the real SMTP path, breaker included. Implements the {@code DevInbox} incoming port that the
 * HTTP adapter shows at {@code /dev/mailbox}; only {@code bootstrap} depends on this package, and
 * GreenMail is used nowhere else.
 */
package dev.authbackbone.adapter.out.mail.devinbox;
