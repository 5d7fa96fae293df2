package org.mandate.deliberation;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.deliberation.db.Database;

import java.nio.file.Path;

/** One real embedded PostgreSQL per test class, in a temporary directory. */
public abstract class EmbeddedDatabase {

    @TempDir
    static Path dataDir;

    protected static Database database;
    protected static Jdbi jdbi;

    @BeforeAll
    static void startDatabase() {
        database = Database.embedded(dataDir);
        jdbi = database.jdbi();
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) database.close();
        database = null;
        jdbi = null;
    }

    protected static long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }
}
