/**
 * Sessions: what a sign-in starts and a sign-out ends. A session holds the account, its lifetimes
 * and the refresh tokens issued for it (only their hashes); its decisions are pure functions over
 * loaded state. Used by the use cases and, for the types they carry, by the adapters.
 */
package dev.authbackbone.domain.session;
