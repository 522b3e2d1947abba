/**
 * Single-use tokens mailed to an address: their generation, hashing and lifecycle. Only the hash
 * is ever stored; the raw value lives in memory and in the mail. Used by use cases and adapters.
 */
package dev.authbackbone.domain.token;
