/**
 * The incoming ports of linking an address: request a confirmation, confirm with its token, have it
 * sent again; each with its command and sealed result. Implemented in {@code application.confirmation},
 * called by inbound adapters.
 */
package dev.authbackbone.domain.port.in.confirmation;
