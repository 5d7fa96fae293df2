package org.mandate.app;

import org.mandate.deliberation.db.Database;

import java.nio.file.Path;

/** The shared --db / --data choice: an external PostgreSQL when a URL is given, else the embedded one. */
final class DatabaseOption {

    private DatabaseOption() {}

    static Database open(Args args) {
        String url = args.options().get("db");
        if (url != null) {
            if (!url.startsWith("jdbc:postgresql:")) throw new Args.UsageException("--db must be a jdbc:postgresql:// URL, got " + url);
            return Database.external(url);
        }
        return Database.embedded(Path.of(args.get("data", "mandate-data")).toAbsolutePath());
    }
}
