package org.mandate.deliberation.jobs;

import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.train.TrainerConfig;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the server trains on and with: the interaction data (loaded once, on the first job or recommendation), the
 * seed of the held-out split, the trainer's hyper-parameters, where model artifacts go, and how many users the
 * serving payoff table samples.
 *
 * @param data        the data set; called at most once per server
 * @param description says in a line what the data is (for logs)
 */
public record TrainingSettings(Supplier<InteractionData> data, String description, long seed, TrainerConfig trainer,
                               Path artifacts, int servingSample) {

    /** The default catalogue: the seeded synthetic broadcaster at a size one CPU trains in a minute or two. */
    public static final int DEFAULT_ITEMS = 400;
    public static final int DEFAULT_USERS = 1_000;

    public TrainingSettings {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(artifacts, "artifacts");
        if (servingSample < 1) throw new IllegalArgumentException("the serving sample needs at least one user");
    }

    /** Synthetic data of {@code items} × {@code users}, generated with {@code seed}, and the trainer's defaults at that size. */
    public static TrainingSettings synthetic(int items, int users, long seed, TrainerConfig trainer, Path artifacts) {
        SyntheticBroadcaster.Config config = SyntheticBroadcaster.Config.defaults(seed).withSize(items, users);
        return new TrainingSettings(() -> SyntheticBroadcaster.generate(config),
                "synthetic broadcaster (seed " + seed + ", " + items + " items, " + users + " users)", seed, trainer, artifacts, 200);
    }

    /** The server's default: {@value #DEFAULT_ITEMS} items × {@value #DEFAULT_USERS} users, seed 42, artifacts under {@code artifacts}. */
    public static TrainingSettings defaults(Path artifacts) {
        return synthetic(DEFAULT_ITEMS, DEFAULT_USERS, 42, new TrainerConfig(100, 8, 250, 3e-3, 0.5, 42, 10, 8), artifacts);
    }

    public TrainingSettings withData(Supplier<InteractionData> data, String description) {
        return new TrainingSettings(data, description, seed, trainer, artifacts, servingSample);
    }
}
