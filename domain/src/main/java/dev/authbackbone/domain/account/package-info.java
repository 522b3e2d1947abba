/**
 * Accounts and their email identities: who holds which verified address, and what linking an
 * address to an account can come to. Used by the use cases and by the storage adapter.
 */
package dev.authbackbone.domain.account;
