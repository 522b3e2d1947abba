package dev.authbackbone.domain.archfixture;

import java.sql.Connection;

/** Deliberately breaks the rules: a domain class that knows JDBC. Only the rule tests import it. */
public class DomainUsingJdbc {
    public Connection connection;
}
