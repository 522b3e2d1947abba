/**
 * Sliding-window quotas: how many requests a key (an address, an account) may make in a window,
 * and when the next one is allowed. Pure rules; storage counts, these decide.
 */
package dev.authbackbone.domain.quota;
