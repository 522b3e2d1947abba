package dev.authbackbone.application.archfixture;

import dev.authbackbone.adapter.in.http.archfixture.HttpUsingMail;
import dev.authbackbone.domain.archfixture.DomainUsingApplication;

/** Deliberately breaks the rules: a service that knows an adapter (and the domain fixture back). */
public class ApplicationUsingHttp {
    public HttpUsingMail adapter;
    public DomainUsingApplication back;
}
