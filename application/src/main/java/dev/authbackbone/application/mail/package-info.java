/**
 * The mail step every "mail this address" use case shares: the {@link dev.authbackbone.application.mail.Outbox}
 * takes an already decided {@link dev.authbackbone.domain.mail.LinkDecision}, reserves it inside the
 * caller's unit of work and sends it outside, and {@link dev.authbackbone.application.mail.EmailLinkPolicy}
 * holds the tunable token lifetimes and quotas; {@link dev.authbackbone.application.mail.MailedCodes}
 * checks a typed code against the mails of its address, and {@link dev.authbackbone.application.mail.Notices}
 * sends the notices that carry no link. Used by the confirmation, sign-in and address services.
 */
package dev.authbackbone.application.mail;
