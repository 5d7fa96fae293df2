package org.mandate.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The Mandate command line: one entry point, one small class per command. */
public final class Main {

    static final String USAGE = """
            Mandate — democratic governance of what a recommender optimises.

            Usage: mandate <command> [options]

            Commands:
              demo     one democratic decision end to end: panel, ballots, tally, DL4J training, ledger, report
                         --data DIR      embedded PostgreSQL data directory (default mandate-data)
                         --db URL        use an external PostgreSQL (jdbc:postgresql://host/db?user=..&password=..)
                         --out DIR       where the report, ledger bundle and model artifacts go (default .)
                         --members N     panel size (default 200)
                         --users N       synthetic audience size (default 5000)
                         --items N       synthetic catalogue size (default 2000)
                         --epochs N      training epochs per model (default from the trainer)
                         --calibration-epochs N  epochs of each single-objective payoff-table run
                         --rule ID       independent_markets (default) or mean
                         --seed N        seed for data, panel and training (default 42)
              serve    the deliberation HTTP API
                         --data DIR | --db URL, --host H (default 127.0.0.1), --port P (default 7070)
              verify   check an exported ledger bundle offline, trusting nothing but the files
                         --bundle DIR    directory with ledger.jsonl (default bundle)
                         --receipt R     also check that the ballot with this receipt is in the record and counted
                         --previous-checkpoint FILE  a checkpoint you kept earlier: the log must extend it
                         --trusted-keys DIR          public keys (*.pub) you trust, instead of the bundle's own
              help     this text
            """;

    private Main() {}

    public static void main(String[] argv) {
        PrintStream out = StdoutFilter.install();
        System.exit(run(argv, out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 0) {
            err.print(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        try {
            return switch (argv[0]) {
                case "demo" -> DemoCommand.run(rest, out);
                case "serve" -> ServeCommand.run(rest, out);
                case "verify" -> VerifyCommand.run(rest, out);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new Args.UsageException("unknown command '" + argv[0] + "'");
            };
        } catch (Args.UsageException e) {
            err.println("mandate: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
    }
}
