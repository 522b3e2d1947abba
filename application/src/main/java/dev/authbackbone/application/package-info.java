/**
 * The use-case services, one sub-package per feature ({@code confirmation}, {@code signin},
 * {@code account}, {@code address}, {@code session}, {@code signing}, {@code maintenance}) plus the
 * shared {@code mail} step: each service implements the incoming ports of one thing a client asks
 * (a link and its code are two ports of one service) by loading state through the outgoing ports,
 * deciding with the domain, storing and sending. Depends on {@code domain} and the JDK only; only {@code bootstrap}
 * depends on it.
 */
package dev.authbackbone.application;
