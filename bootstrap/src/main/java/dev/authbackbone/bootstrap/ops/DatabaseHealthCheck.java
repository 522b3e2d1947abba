package dev.authbackbone.bootstrap.ops;

import dev.authbackbone.adapter.in.http.ops.HealthCheck;
import dev.authbackbone.adapter.out.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database answers a validity check within a few seconds. Why not is logged, never shown. */
public final class DatabaseHealthCheck implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealthCheck.class);

    private final Database database;

    public DatabaseHealthCheck(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Status check() {
        Database.Health health = database.ping();
        if (!health.up()) {
            // The reason may name hosts; the health body is public, the log is not.
            LOG.warn("Readiness: the database does not answer: {}", health.detail());
            return Status.unhealthy();
        }
        return Status.healthy();
    }
}
