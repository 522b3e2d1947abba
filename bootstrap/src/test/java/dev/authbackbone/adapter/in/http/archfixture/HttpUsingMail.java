package dev.authbackbone.adapter.in.http.archfixture;

import dev.authbackbone.adapter.out.mail.archfixture.MailUsingJavalin;
import dev.authbackbone.application.archfixture.ApplicationUsingHttp;

/** Deliberately breaks the rules: one adapter knowing two others, a service, and their libraries. */
public class HttpUsingMail {
    public MailUsingJavalin other;
    public ApplicationUsingHttp service;
    public org.jdbi.v3.core.Jdbi storage;
    public dev.authbackbone.adapter.out.persistence.archfixture.PersistenceFixture repository;
    public jakarta.mail.Session session;
}
