/** The confirmation services: request, confirm and re-send; each loads, decides in {@code domain.confirmation}, stores and sends. */
package dev.authbackbone.application.confirmation;
