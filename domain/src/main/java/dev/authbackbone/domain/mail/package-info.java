/**
 * The mails the core sends, as domain values: who receives what, never how it is rendered or
 * transported (that is the mail adapter's job).
 */
package dev.authbackbone.domain.mail;
