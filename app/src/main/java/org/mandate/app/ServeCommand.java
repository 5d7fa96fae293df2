package org.mandate.app;

import org.mandate.deliberation.db.Database;
import org.mandate.deliberation.http.ApiServer;
import org.mandate.deliberation.http.RateLimiter;
import org.mandate.deliberation.jobs.TrainingData;
import org.mandate.deliberation.jobs.TrainingSettings;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.training.train.TrainerConfig;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mandate serve}: the deliberation HTTP API until the process is stopped, with training runs of published
 * mandates on the data set named by {@code --format} ({@code --dataset PATH} for real data; {@code --data} is the
 * embedded database's directory) and their model artifacts under {@code --runs}.
 */
final class ServeCommand {

    private ServeCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Set.of("data", "db", "host", "port", "runs", "format", "dataset", "items", "users", "seed", "epochs", "preset"));
        String host = args.get("host", "127.0.0.1");
        int port = args.getInt("port", 7070);
        TrainingSettings training = training(args);
        Database db = DatabaseOption.open(args);
        ApiServer server = new ApiServer(db.jdbi(), RateLimiter.defaults(), training).start(host, port);
        String base = "http://" + host + ":" + server.port();
        out.println("Mandate on " + base + "/ (citizen and organiser pages), " + base + "/api (JSON API), "
                + base + "/docs (API docs); database: " + db.description() + "; training runs on " + training.description()
                + ", models in " + training.artifacts() + ". Ctrl-C stops it.");
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

    /**
     * The data set and trainer of training runs: synthetic at the server's default size unless told otherwise. Real data
     * is loaded here, at start, so a malformed file stops the server with its line number instead of failing the first
     * run, and so its size can choose the trainer's settings ({@code --preset}, auto by default, as for {@code train});
     * the quick synthetic default keeps the server's own small settings unless a preset is asked for.
     */
    static TrainingSettings training(Args args) {
        Path runs = Path.of(args.get("runs", "mandate-runs")).toAbsolutePath();
        String format = args.get("format", "synthetic");
        long seed = args.getInt("seed", 42);
        TrainerPreset preset = TrainerPreset.of(args);
        TrainingSettings defaults = TrainingSettings.defaults(runs);
        if (format.equals("synthetic")) {
            if (args.has("dataset")) throw new Args.UsageException("--format synthetic generates its data; leave out --dataset");
            int users = args.getInt("users", TrainingSettings.DEFAULT_USERS);
            TrainerConfig trainer = args.has("preset") ? preset.config(users, seed, args) : new TrainerConfig(defaults.trainer().hidden(),
                    args.getInt("epochs", defaults.trainer().epochs()), defaults.trainer().batchSize(), defaults.trainer().learningRate(),
                    defaults.trainer().dropout(), seed, defaults.trainer().k(), args.getInt("epochs", defaults.trainer().calibrationEpochs()));
            try {
                return TrainingSettings.synthetic(args.getInt("items", TrainingSettings.DEFAULT_ITEMS), users, seed, trainer, runs);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("synthetic data: " + e.getMessage());
            }
        }
        Path dataset = Path.of(args.require("dataset"));
        if (!Files.exists(dataset)) throw new Args.UsageException("no such file or directory: " + dataset);
        List<String> words = new ArrayList<>(List.of("--format", format, "--data", dataset.toString()));
        if (args.has("items")) words.addAll(List.of("--items", args.require("items")));
        Args dataArgs = Args.parse(words, DataSource.OPTIONS);
        // Whole and with timestamps: each run applies its mandate's rules (the trainer refuses a forbidden field that was
        // read and removes interactions older than the age limit, counted from the newest one).
        DataSource.Loaded loaded = DataSource.load(dataArgs, DataUseRules.NONE, seed);
        TrainingData data = new TrainingData.Timed(loaded.timed(), loaded.reference());
        int users = loaded.timed().data().userCount();
        TrainerConfig trainer = preset.config(users, seed, args);
        return new TrainingSettings(() -> data, format + " data from " + dataset.toAbsolutePath() + " (" + preset.describe(users, trainer) + ")",
                seed, trainer, runs, defaults.servingSample());
    }
}
