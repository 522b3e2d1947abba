/** The sign-in services: request a magic link, sign in with it; each loads, decides in {@code domain.signin}, stores and sends. */
package dev.authbackbone.application.signin;
