package dev.authbackbone.domain.archfixture;

import dev.authbackbone.application.archfixture.ApplicationUsingHttp;

/** Deliberately breaks the rules: the domain pointing outward, which also closes a cycle. */
public class DomainUsingApplication {
    public ApplicationUsingHttp service;
}
