package org.mandate.app;

import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
import org.mandate.training.run.ModelArtifact;
import org.mandate.training.split.HoldoutSplit;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A directory written by {@code mandate train}: the hash-checked model artifact plus the mandate it was trained
 * under ({@code mandate.json}, which the manifest names only by hash but evaluation needs in full).
 */
record SavedRun(Path dir, ModelArtifact artifact, Mandate mandate) {

    static final String MANDATE = "mandate.json";
    static final String DATA_USE = "data-use.json";

    static SavedRun open(Path dir) {
        ModelArtifact artifact;
        try {
            artifact = ModelArtifact.load(dir);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new Args.UsageException("--run " + dir + " is not a readable model artifact: " + e.getMessage());
        }
        Mandate mandate = MandateFile.read(dir.resolve(MANDATE));
        if (!mandate.sha256().equals(artifact.manifest().get("mandate_sha256"))) {
            throw new Args.UsageException(dir.resolve(MANDATE) + " is not the mandate the manifest names");
        }
        return new SavedRun(dir, artifact, mandate);
    }

    /** The rules the data was loaded and trained under: the mandate's (it carries the age limit the trainer applied). */
    DataUseRules loadRules() {
        return mandate.dataUse();
    }

    long seed() {
        return ((Number) artifact.manifest().get("seed")).longValue();
    }

    /** The split the run was evaluated on, drawn again from the manifest's split seed. */
    HoldoutSplit split(InteractionData data) {
        if (!data.sha256().equals(artifact.manifest().get("data_sha256"))) {
            throw new Args.UsageException("this data is not what the run in " + dir + " was trained on (its SHA-256 differs from the manifest's)");
        }
        long splitSeed = ((Number) ((Map<?, ?>) artifact.manifest().get("split")).get("seed")).longValue();
        return HoldoutSplit.standard(data, splitSeed);
    }

    int k() {
        return ((Number) ((Map<?, ?>) artifact.manifest().get("hyper_parameters")).get("k")).intValue();
    }

    int itemCount() {
        return artifact.model().itemCount();
    }
}
