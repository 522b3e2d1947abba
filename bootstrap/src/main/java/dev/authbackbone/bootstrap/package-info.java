/**
 * The composition root: reads the configuration, builds every adapter and service with plain
 * constructors, starts the server and the operator command line. Nothing depends on this package.
 */
package dev.authbackbone.bootstrap;
