package org.mandate.deliberation.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.deliberation.ledger.LedgerStore;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {

    @TempDir
    Path dir;

    /** The migrations the module ships (the test runs from the module directory). */
    private static long migrationFiles() {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void dataSurvivesARestartAndMigrationsAreNotReapplied() {
        try (Database db = Database.embedded(dir)) {
            new LedgerStore(db.jdbi()).append("note", "{\"n\":1}");
        }
        assertTrue(Files.exists(dir.resolve("pgdata").resolve("PG_VERSION")));
        try (Database db = Database.embedded(dir)) {
            LedgerStore ledger = new LedgerStore(db.jdbi());
            assertEquals(1, ledger.entries().size(), "the entry written before the restart is still there");
            ledger.append("note", "{\"n\":2}");
            assertTrue(ledger.verify().ok());
            int migrations = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history WHERE success").mapTo(Integer.class).one());
            assertEquals(migrationFiles(), migrations, "each migration ran once, on the first start only");

            // the same server reached as an external database: migrations are already there, data is shared
            try (Database external = Database.external(db.jdbcUrl())) {
                LedgerStore other = new LedgerStore(external.jdbi());
                assertEquals(2, other.entries().size());
                other.append("note", "{\"n\":3}");
                assertTrue(ledger.verify().ok());
                assertEquals(3, ledger.entries().size());
            }
        }
    }
}
