/** The purge of stored state that no rule needs any more, run on a schedule by {@code bootstrap}. */
package dev.authbackbone.application.maintenance;
