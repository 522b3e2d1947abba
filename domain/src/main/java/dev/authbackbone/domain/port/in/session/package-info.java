/**
 * Incoming ports of sessions: refreshing, signing out (here or everywhere), listing and ending
 * one's sessions, and the per-request check that a bearer token's session is live. Implemented in
 * {@code application.session}, called by the HTTP adapter.
 */
package dev.authbackbone.domain.port.in.session;
