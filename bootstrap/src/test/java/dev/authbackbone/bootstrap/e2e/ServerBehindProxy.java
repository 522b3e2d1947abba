package dev.authbackbone.bootstrap.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import java.util.Map;

/**
 * A server on a fresh PostgreSQL database that it reaches through a {@link TcpProxy}, with an SMTP
 * server of its own: what the outage tests cut, hang and restore. Needs {@code AUTH_TEST_POSTGRES_URL}.
 */
final class ServerBehindProxy implements AutoCloseable {

    final TcpProxy proxy;
    final TestServer server;
    final FreshDatabase database;
    private final GreenMail smtp;

    private ServerBehindProxy(GreenMail smtp, FreshDatabase database, TcpProxy proxy, TestServer server) {
        this.smtp = smtp;
        this.database = database;
        this.proxy = proxy;
        this.server = server;
    }

    /** Started, waiting at most {@code connectTimeout} (such as {@code 500ms}) for a database connection. */
    static ServerBehindProxy start(String connectTimeout) {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        FreshDatabase database = TestDatabase.POSTGRESQL.fresh();
        TcpProxy proxy = TcpProxy.before(database);
        TestServer server = TestServer.instance(database, smtp, Map.of(
                "AUTH_DB_URL", proxy.urlOf(database), "AUTH_DB_CONNECT_TIMEOUT", connectTimeout));
        return new ServerBehindProxy(smtp, database, proxy, server);
    }

    @Override
    public void close() {
        server.close();
        proxy.close();
        database.close();
        smtp.stop();
    }
}
