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
                         --runs DIR      where training runs write their models (default mandate-runs)
                         --format F      data of training runs: synthetic (default; --items N, default 400,
                                         --users N, default 1000) or movielens-100k|movielens-1m|csv with
                                         --dataset PATH (and --items FILE for csv), loaded at start; --seed N,
                                         --epochs N, --preset P as for train (real data: auto by default)
              verify   check an exported ledger bundle offline, trusting nothing but the files
                         --bundle DIR    directory with ledger.jsonl (default bundle)
                         --receipt R     also check that the ballot with this receipt is in the record and counted
                         --previous-checkpoint FILE  a checkpoint you kept earlier: the log must extend it
                         --trusted-keys DIR          public keys (*.pub) you trust, instead of the bundle's own
              train    load a data set under a mandate's data-use rules, train, write the model, compare with baselines
                         --mandate FILE  the mandate.json to train under (required)
                         --out DIR       where the model artifact, mandate.json and data-use.json go (required)
                         --format F      movielens-100k, movielens-1m, csv or synthetic (required)
                         --data PATH     MovieLens directory, or the interactions CSV (user,item,timestamp[,weight])
                         --items FILE    csv: the items CSV (id[,genre,provider_group,local]);
                                         synthetic: catalogue size (default 2000), with --users N (default 5000)
                         --epochs N      training epochs (default from the preset), --seed N (default 42)
                         --preset P      auto (default: small below 2,500 users, else large), small (hidden 600,
                                         batch 100, 60 epochs, cosine decay) or large (hidden 200, batch 500, 12 epochs)
                         --checkpoint DIR  checkpoint after every epoch here (default <out>/checkpoint)
                         --resume        continue a crashed run from --checkpoint (same data, mandate, options)
              sweep    train one model per point of a weight lattice over the mandate's objectives; writes
                         sweep.json (mandate-sweep/1, for a panel's trade-off explorer), sweep.svg and a table
                         --mandate FILE  its positively weighted objectives are swept (required)
                         --out DIR       where sweep.json and sweep.svg go (required)
                         --step X        lattice step, dividing 1 (default 0.25: 15 points over three objectives)
                         --format F, --data PATH, --items, --users as for train; --epochs N, --preset P,
                                         --seed N (default 42)
              evaluate re-measure a trained run on its data and compare with the manifest's metrics
                         --run DIR, and the --data/--format/--items/--users the run was trained with
                         --seed N        synthetic only: generator seed (default the run's seed)
              recommend top k for a viewing history, by a trained run
                         --run DIR, --history 3,17,42 (item indices 0..I-1 of the run's data, in its order:
                         the line number among the catalogue's items, counting from 0), --k N (default 10)
                         --non-profiling  the shared list not based on profiling (DSA art. 38) instead; needs
                                         --data/--format of the run, --mandate FILE (default the run's)
                         --user U        instead of --history: user U (0..) of the run's data; needs --data/--format
                         --weights novelty=0.3,relevance=0.7  your own weights, within the mandate's personalisation
                                         rules (refused otherwise); needs --data/--format of the run
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
                case "train" -> TrainCommand.run(rest, out);
                case "sweep" -> SweepCommand.run(rest, out);
                case "evaluate" -> EvaluateCommand.run(rest, out);
                case "recommend" -> RecommendCommand.run(rest, out);
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
