/** The account services: view an account and its events, and the operator's account commands. */
package dev.authbackbone.application.account;
