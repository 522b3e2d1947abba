/**
 * The use-case services, one sub-package per feature ({@code confirmation}, {@code signin},
 * {@code account}, {@code maintenance}) plus the shared {@code mail} outbox: each service
 * implements one incoming port by loading state through the outgoing ports, deciding with the
 * domain, storing and sending. Depends on {@code domain} and the JDK only; only {@code bootstrap}
 * depends on it.
 */
package dev.authbackbone.application;
