/**
 * The incoming port that purges stored state no rule needs any more. Implemented in
 * {@code application.maintenance}, called on a schedule by {@code bootstrap}.
 */
package dev.authbackbone.domain.port.in.maintenance;
