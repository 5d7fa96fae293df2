package org.mandate.deliberation.jobs;

import org.mandate.training.data.LoadOptions;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.data.TimedInteractions;
import org.mandate.training.train.TrainerConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the server trains on and with: the interaction data (loaded once, on the first job or recommendation), the
 * seed of the held-out split, the trainer's hyper-parameters, where model artifacts (and each run's checkpoints) go,
 * and how many users the serving payoff table samples.
 *
 * @param data        the data set, timed or not; called at most once per server
 * @param description says in a line what the data is (for logs and error messages)
 */
public record TrainingSettings(Supplier<TrainingData> data, String description, long seed, TrainerConfig trainer,
                               Path artifacts, int servingSample) {

    /** The default catalogue: the seeded synthetic broadcaster at a size one CPU trains in a minute or two. */
    public static final int DEFAULT_ITEMS = 400;
    public static final int DEFAULT_USERS = 1_000;

    /** Everything the synthetic generator produces; it cannot withhold any of it (as {@code mandate train} says). */
    public static final List<String> SYNTHETIC_FIELDS = List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.GENRE,
            LoadOptions.PROVIDER_GROUP, LoadOptions.LOCAL);

    public TrainingSettings {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(artifacts, "artifacts");
        if (servingSample < 1) throw new IllegalArgumentException("the serving sample needs at least one user");
    }

    /**
     * Synthetic data of {@code items} × {@code users}, generated with {@code seed}, and the trainer's defaults at that
     * size. The generator gives no timestamps, so runs under a mandate with an interaction-age limit fail.
     */
    public static TrainingSettings synthetic(int items, int users, long seed, TrainerConfig trainer, Path artifacts) {
        SyntheticBroadcaster.Config config = SyntheticBroadcaster.Config.defaults(seed).withSize(items, users);
        return new TrainingSettings(() -> new TrainingData.Untimed(SyntheticBroadcaster.generate(config), SYNTHETIC_FIELDS),
                "synthetic broadcaster (seed " + seed + ", " + items + " items, " + users + " users; no timestamps)", seed, trainer, artifacts, 200);
    }

    /** Timed interactions (a real export), with ages measured from the newest interaction; see {@link TrainingData.Timed#asOfNewest}. */
    public static TrainingSettings timed(Supplier<TimedInteractions> data, String description, long seed, TrainerConfig trainer,
                                         Path artifacts, int servingSample) {
        Objects.requireNonNull(data, "data");
        return new TrainingSettings(() -> TrainingData.Timed.asOfNewest(data.get()), description, seed, trainer, artifacts, servingSample);
    }

    /** The server's default: {@value #DEFAULT_ITEMS} items × {@value #DEFAULT_USERS} users, seed 42, artifacts under {@code artifacts}. */
    public static TrainingSettings defaults(Path artifacts) {
        return synthetic(DEFAULT_ITEMS, DEFAULT_USERS, 42, new TrainerConfig(100, 8, 250, 3e-3, 0.5, 42, 10, 8), artifacts);
    }

    public TrainingSettings withData(Supplier<TrainingData> data, String description) {
        return new TrainingSettings(data, description, seed, trainer, artifacts, servingSample);
    }
}
