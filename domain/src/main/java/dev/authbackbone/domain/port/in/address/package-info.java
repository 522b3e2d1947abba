/**
 * The incoming ports for managing an account's addresses: make a verified address primary, remove
 * an address, and undo a primary change with the link mailed to the previous primary.
 * Implemented in {@code application.address}; called by the HTTP adapter.
 */
package dev.authbackbone.domain.port.in.address;
