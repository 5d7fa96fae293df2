package org.mandate.app;

import org.mandate.deliberation.db.Database;
import org.mandate.deliberation.http.ApiServer;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code mandate serve}: the deliberation HTTP API until the process is stopped. */
final class ServeCommand {

    private ServeCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Set.of("data", "db", "host", "port"));
        String host = args.get("host", "127.0.0.1");
        int port = args.getInt("port", 7070);
        Database db = DatabaseOption.open(args);
        ApiServer server = new ApiServer(db.jdbi()).start(host, port);
        String base = "http://" + host + ":" + server.port();
        out.println("Mandate on " + base + "/ (citizen and organiser pages), " + base + "/api (JSON API), "
                + base + "/docs (API docs); database: " + db.description() + ". Ctrl-C stops it.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
