/**
 * Incoming ports, one sub-package per feature ({@code confirmation}, {@code signin}, {@code account},
 * {@code address}, {@code session}, {@code signing}, {@code maintenance}): one use-case interface per thing a client can ask, with its command and its
 * sealed result (one record per expected outcome). Implemented in {@code application}, called by
 * the inbound adapters and by {@code bootstrap}'s command line. Never depends on {@code port.out}.
 */
package dev.authbackbone.domain.port.in;
