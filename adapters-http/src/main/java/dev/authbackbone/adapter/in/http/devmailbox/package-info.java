/**
 * The HTTP adapter's own view of a development inbox ({@link dev.authbackbone.adapter.in.http.devmailbox.DevMailbox}),
 * which the composition root implements over the mail adapter's capturing server. Depends on the JDK only.
 */
package dev.authbackbone.adapter.in.http.devmailbox;
