package org.mandate.deliberation.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL behind the deliberation API, migrated to the current schema: either a real PostgreSQL
 * started in-process from Maven Central binaries (data kept under a directory that survives restarts)
 * or an external server given by its JDBC URL.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Connections kept open: more would only queue on the ledger lock; fewer would queue in the pool. */
    static final int POOL_SIZE = 16;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final EmbeddedPostgres embedded;
    private final String description;
    private final String jdbcUrl;

    private Database(DataSource server, EmbeddedPostgres embedded, String jdbcUrl, String description) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.description = description;
        // A pool, because opening a PostgreSQL connection (a new backend process) costs more than a ballot.
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(server);
        pool.setPoolName("mandate");
        pool.setMaximumPoolSize(POOL_SIZE);
        this.dataSource = new HikariDataSource(pool);
        migrate(dataSource);
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Starts (or restarts) an embedded PostgreSQL whose cluster lives in {@code dataDir/pgdata}; an
     * existing cluster is reused, never wiped. Listens on a free loopback port.
     */
    public static Database embedded(Path dataDir) {
        Path pgdata = dataDir.toAbsolutePath().resolve("pgdata");
        try {
            Files.createDirectories(dataDir);
            boolean existing = Files.exists(pgdata.resolve("PG_VERSION"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    // many concurrent voters each hold a connection while they wait for the ledger lock
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky's defaults trade durability for test speed (fsync and synchronous_commit off);
                    // an accepted ballot must survive a crash, so the embedded default is a durable server.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            log.info("embedded PostgreSQL on port {} with data in {} ({})", pg.getPort(), pgdata,
                    existing ? "existing cluster" : "new cluster");
            return new Database(pg.getPostgresDatabase(), pg, pg.getJdbcUrl("postgres", "postgres"),
                    "embedded PostgreSQL on port " + pg.getPort() + ", data in " + pgdata);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgdata, e);
        }
    }

    /** An external PostgreSQL; user and password go in the URL ({@code ?user=...&password=...}). */
    public static Database external(String jdbcUrl) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        log.info("external PostgreSQL at {}", redact(jdbcUrl));
        return new Database(ds, null, redact(jdbcUrl), "external PostgreSQL at " + redact(jdbcUrl));
    }

    /** An external PostgreSQL with credentials given separately from the URL. */
    public static Database external(String jdbcUrl, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        ds.setUser(user);
        ds.setPassword(password);
        log.info("external PostgreSQL at {} as {}", redact(jdbcUrl), user);
        return new Database(ds, null, redact(jdbcUrl), "external PostgreSQL at " + redact(jdbcUrl) + " as " + user);
    }

    private static void migrate(DataSource ds) {
        Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
        var result = flyway.migrate();
        var current = flyway.info().current();
        log.info("schema at version {} ({} migration(s) applied now)", current == null ? "none" : current.getVersion(), result.migrationsExecuted);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL of this database (password redacted); for the embedded one, a URL other tools can connect with. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Where the data lives, for logs and the CLI. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded == null) return;
        try {
            embedded.close();
            log.info("embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
        }
    }
}
