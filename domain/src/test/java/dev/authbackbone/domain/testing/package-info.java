/**
 * In-memory fakes of the outgoing ports, test clocks and test data, published in the domain
 * test-jar so that every module's tests speak the same language. Test scope only.
 */
package dev.authbackbone.domain.testing;
