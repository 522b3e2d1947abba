/**
 * Accounts and their email identities: who holds which verified address, whether an account may
 * act ({@link dev.authbackbone.domain.account.Account#standing()}, the one place that says so), and
 * what linking an address to an account can come to. Used by the decisions of every feature, by
 * the use cases and by the storage adapter.
 */
package dev.authbackbone.domain.account;
