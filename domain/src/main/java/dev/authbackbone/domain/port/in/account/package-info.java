/**
 * The incoming ports about one account: view it, view its recent events, and the operator's
 * commands that open, disable and re-enable accounts. Implemented in {@code application.account}.
 */
package dev.authbackbone.domain.port.in.account;
