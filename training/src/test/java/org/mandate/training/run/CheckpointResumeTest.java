package org.mandate.training.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.PublicValue;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.CheckpointStore;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A run stopped after an epoch (a progress listener that throws stands in for the crash) and resumed from its
 * checkpoint directory ends with the same model, bit for bit, and the same manifest as a run that never stopped;
 * a checkpoint of another run, or a damaged one, is refused. Tiny data (120 programmes × 200 viewers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckpointResumeTest {

    // Cosine decay: its rate depends on Adam's step count, which the checkpoint must carry for the resumed run to
    // continue on the same curve (a constant rate would not notice a lost step count).
    private static final TrainerConfig CONFIG = new TrainerConfig(32, 4, 64, 3e-3, 0.5, 3, 10, 1)
            .withSchedule(org.mandate.training.train.LearningRateSchedule.COSINE);
    private static final Mandate MANDATE = mandate(0.25);

    private InteractionData data;
    private HoldoutSplit split;
    private TrainingResult straight;

    private static Mandate mandate(double floor) {
        return new Mandate(new TreeMap<>(Map.of(Relevance.ID, 0.7, Novelty.ID, 0.3)),
                List.of(new Bound(PublicValue.ID, Bound.Kind.FLOOR, floor)), DataUseRules.NONE, null, Provenance.baseline("resume test"));
    }

    /** Thrown by the listener: the simulated crash. */
    private static final class Crash extends RuntimeException {
        Crash(String phase, int epoch) {
            super("simulated crash after " + phase + " epoch " + epoch);
        }
    }

    private static ProgressListener crashAfter(String phase, int epoch) {
        return (p, e, n, loss, s) -> { if (p.equals(phase) && e == epoch) throw new Crash(p, e); };
    }

    @BeforeAll
    void trainStraight() {
        data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(3).withSize(120, 200));
        split = HoldoutSplit.standard(data, 3);
        straight = TrainingRun.execute(data, split, MANDATE, CONFIG, ProgressListener.NONE);
    }

    private TrainingResult crashThenResume(Path dir, String phase, int epoch) {
        assertThrows(Crash.class, () -> TrainingRun.execute(data, split, MANDATE, CONFIG, crashAfter(phase, epoch),
                CheckpointStore.in(dir, false)));
        assertTrue(Files.exists(dir.resolve(phase.replace(':', '-') + ".ckpt")), "the crashed epoch was saved");
        return TrainingRun.execute(data, split, MANDATE, CONFIG, ProgressListener.NONE, CheckpointStore.in(dir, true));
    }

    @Test
    void aRunResumedAfterATrainingEpochEndsBitIdentical(@TempDir Path dir) {
        TrainingResult resumed = crashThenResume(dir, "training", 2);
        System.out.printf("[resume] straight %s, resumed after training epoch 2 %s%n", straight.manifest().modelSha256(),
                resumed.manifest().modelSha256());
        assertEquals(straight.manifest().modelSha256(), resumed.manifest().modelSha256());
        assertEquals(straight.manifest().canonicalJson(), resumed.manifest().canonicalJson(),
                "same payoff table, multipliers and their history, metrics");
    }

    @Test
    void aRunResumedInsideACalibrationRunEndsBitIdentical(@TempDir Path dir) {
        TrainingResult resumed = crashThenResume(dir, "calibration:novelty", 2);
        assertTrue(Files.exists(dir.resolve("calibration-relevance.row")), "the finished calibration run was recorded");
        assertEquals(straight.manifest().modelSha256(), resumed.manifest().modelSha256());
        assertEquals(straight.manifest().canonicalJson(), resumed.manifest().canonicalJson());
    }

    @Test
    void aForeignOrDamagedCheckpointIsRefused(@TempDir Path dir) throws Exception {
        TrainingRun.execute(data, split, MANDATE, CONFIG, ProgressListener.NONE, CheckpointStore.in(dir, false));
        // Resuming a finished run returns its model without training.
        assertEquals(straight.manifest().modelSha256(),
                TrainingRun.execute(data, split, MANDATE, CONFIG, ProgressListener.NONE, CheckpointStore.in(dir, true)).manifest().modelSha256());

        IllegalStateException otherMandate = assertThrows(IllegalStateException.class, () -> TrainingRun.execute(data, split,
                mandate(0.3), CONFIG, ProgressListener.NONE, CheckpointStore.in(dir, true)));
        assertTrue(otherMandate.getMessage().contains("belongs to another run") && otherMandate.getMessage().contains("mandate_sha256"),
                otherMandate.getMessage());
        IllegalStateException otherConfig = assertThrows(IllegalStateException.class, () -> TrainingRun.execute(data, split,
                MANDATE, CONFIG.withEpochs(5, 1), ProgressListener.NONE, CheckpointStore.in(dir, true)));
        assertTrue(otherConfig.getMessage().contains("hyper_parameters_sha256"), otherConfig.getMessage());

        Path file = dir.resolve("training.ckpt");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        IllegalStateException corrupt = assertThrows(IllegalStateException.class, () -> TrainingRun.execute(data, split,
                MANDATE, CONFIG, ProgressListener.NONE, CheckpointStore.in(dir, true)));
        assertTrue(corrupt.getMessage().contains("corrupt checkpoint"), corrupt.getMessage());

        // Without resuming, the directory is cleared and the run starts over.
        assertEquals(straight.manifest().modelSha256(),
                TrainingRun.execute(data, split, MANDATE, CONFIG, ProgressListener.NONE, CheckpointStore.in(dir, false)).manifest().modelSha256());
    }
}
