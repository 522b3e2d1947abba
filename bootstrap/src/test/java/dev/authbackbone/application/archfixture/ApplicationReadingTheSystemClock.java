package dev.authbackbone.application.archfixture;

import java.time.Instant;

/** Deliberately breaks the rules: a service that reads the system clock itself. Only the rule tests import it. */
public class ApplicationReadingTheSystemClock {
    public Instant now() {
        return Instant.now();
    }
}
