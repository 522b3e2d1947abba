/**
 * ArchUnit rules for the module and package dependencies, and the proof that each rule can fail.
 * Test scope only.
 */
package dev.authbackbone.bootstrap.architecture;
