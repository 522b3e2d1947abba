/**
 * The development inbox: an in-process SMTP server (GreenMail) on the loopback interface that
 * captures every mail in memory, used when no SMTP host is configured, so that a single machine
 * runs the real SMTP path, breaker included. {@code bootstrap} adapts it to the HTTP adapter's
 * development mailbox route group; only {@code bootstrap} depends on this package, and
 * GreenMail is used nowhere else.
 */
package dev.authbackbone.adapter.out.mail.devinbox;
