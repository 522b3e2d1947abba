/**
 * The mails the core sends, as domain values (who receives what, never how it is rendered or
 * transported: that is the mail adapter's job), and {@link dev.authbackbone.domain.mail.LinkDecision},
 * the decision whether a requested link is mailed, as a notice instead, or not at all.
 */
package dev.authbackbone.domain.mail;
