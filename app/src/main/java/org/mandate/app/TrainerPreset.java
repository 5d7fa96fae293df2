package org.mandate.app;

import org.mandate.training.train.TrainerConfig;

import java.util.Locale;

/**
 * {@code --preset}: the trainer's hyper-parameters for {@code train} and {@code sweep}. {@code auto} (the default)
 * chooses by the number of users once the data is loaded (the rule of {@link TrainerConfig#suitedTo}); {@code small}
 * and {@code large} force {@link TrainerConfig#movieLens100k} or {@link TrainerConfig#defaults}.
 */
enum TrainerPreset {
    AUTO, SMALL, LARGE;

    static TrainerPreset of(Args args) {
        String value = args.get("preset", "auto");
        return switch (value) {
            case "auto" -> AUTO;
            case "small" -> SMALL;
            case "large" -> LARGE;
            default -> throw new Args.UsageException("--preset must be auto, small or large, got '" + value + "'");
        };
    }

    /** SMALL or LARGE: what AUTO means for data of {@code users} users. */
    TrainerPreset resolve(int users) {
        if (this != AUTO) return this;
        return users < TrainerConfig.SMALL_DATA_USERS ? SMALL : LARGE;
    }

    /** The configuration for data of {@code users} users, with {@code --epochs} applied when given. */
    TrainerConfig config(int users, long seed, Args args) {
        TrainerConfig config = resolve(users) == SMALL ? TrainerConfig.movieLens100k(seed) : TrainerConfig.defaults(seed);
        // The calibration runs as long as the training anyway (effectiveCalibrationEpochs), so --epochs sets both.
        return args.has("epochs") ? config.withEpochs(args.getInt("epochs", config.epochs()), 1) : config;
    }

    /** One console line: which settings and why. */
    String describe(int users, TrainerConfig config) {
        return String.format(Locale.ROOT, "%s-data settings%s: hidden %d, %d epochs, batch %d, learning rate %s (%s)",
                resolve(users).name().toLowerCase(Locale.ROOT),
                this == AUTO ? " (" + users + " users; --preset small|large to override)" : "",
                config.hidden(), config.epochs(), config.batchSize(), config.learningRate(), config.schedule().id());
    }
}
