package org.mandate.deliberation.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mandate.deliberation.EmbeddedDatabase;

/**
 * The real API server on a random loopback port over the test class's database, with a rate limit
 * high enough never to bind (tests of the limiter build their own).
 */
abstract class EmbeddedApi extends EmbeddedDatabase {

    static ApiServer server;
    static ApiClient api;

    @BeforeAll
    static void startServer() {
        server = new ApiServer(jdbi, new RateLimiter(100_000, 100_000)).start("127.0.0.1", 0);
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }
}
