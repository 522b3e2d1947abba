package dev.authbackbone.adapter.out.persistence.archfixture;

/** A stand-in persistence adapter class for the rule tests to point at. */
public class PersistenceFixture {
}
