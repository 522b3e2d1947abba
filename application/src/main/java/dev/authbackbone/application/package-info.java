/**
 * The use-case services: each implements one incoming port of the domain by orchestrating the
 * outgoing ports. Depends on {@code domain} and the JDK only; only {@code bootstrap} depends on it.
 */
package dev.authbackbone.application;
