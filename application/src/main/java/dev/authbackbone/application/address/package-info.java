/**
 * The address services: make a verified address primary (mailing the previous primary an undo
 * link), remove an address (telling the primary), and undo a primary change. Each loads, decides in
 * {@code domain.address}, stores in one unit of work and mails outside it.
 */
package dev.authbackbone.application.address;
