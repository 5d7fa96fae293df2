package org.mandate.app;

import org.mandate.deliberation.db.Database;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code mandate demo}: runs {@link DemoPipeline} with the README's defaults or the given sizes. */
final class DemoCommand {

    private DemoCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Set.of("data", "db", "out", "members", "users", "items", "epochs", "calibration-epochs", "rule", "seed"));
        DemoConfig defaults = DemoConfig.defaults(Path.of(args.get("out", ".")).toAbsolutePath().normalize());
        String rule = args.get("rule", defaults.rule());
        if (!Set.of("independent_markets", "mean").contains(rule)) throw new Args.UsageException("--rule must be independent_markets or mean");
        DemoConfig config = new DemoConfig(defaults.out(), args.getInt("members", defaults.members()),
                args.getInt("users", defaults.users()), args.getInt("items", defaults.items()),
                args.getInt("epochs", 0), args.getInt("calibration-epochs", 0), rule, args.getInt("seed", (int) defaults.seed()));
        out.println("Mandate demo: one democratic decision, from ballots to an audited DL4J model.");
        try (Database db = DatabaseOption.open(args)) {
            DemoPipeline.Result result = new DemoPipeline(db, config, out).run();
            out.println();
            out.println(result.verdict().passed()
                    ? "Done: every check passed. Open " + result.report().indexHtml().toAbsolutePath() + " in a browser."
                    : "Done, but verification FAILED: see the FAIL lines above.");
            return result.verdict().passed() ? 0 : 1;
        }
    }
}
