/**
 * The session use cases: starting a session at sign-in ({@link dev.authbackbone.application.session.Sessions}),
 * refreshing, signing out, listing and ending sessions, and the per-request check. Depends on
 * {@code domain} only; wired by {@code bootstrap}.
 */
package dev.authbackbone.application.session;
