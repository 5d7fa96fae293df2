package org.mandate.training.run;

import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.PublicValue;
import org.mandate.objectives.catalogue.Relevance;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Provenance;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.ProgressListener;
import org.mandate.training.train.TrainerConfig;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A child process of {@link CrossProcessDeterminismTest}: trains one small run (two calibration runs, then training
 * under a mandate with two weighted terms and a public-value floor, 2 epochs each) and prints one line,
 * {@code DETERMINISM model_sha256=… manifest_sha256=… threads=… blas_threads=… ndcg=…}, then the held-out metrics as
 * canonical JSON on a line starting {@code METRICS }. Big enough (500 items, mini-batches of 125 users, so
 * 62,500-element activations against ND4J's element-wise threshold of 1,024) that element-wise ops, reductions and
 * BLAS gemm run on several threads, so an order-dependent float sum would show as a different hash. By hand:
 * {@code java -cp <test class path> org.mandate.training.run.DeterminismProbe [seed]}.
 */
public final class DeterminismProbe {

    static final String RESULT = "DETERMINISM ";
    static final String METRICS = "METRICS ";

    private DeterminismProbe() {}

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 11;
        InteractionData data = SyntheticBroadcaster.generate(SyntheticBroadcaster.Config.defaults(seed).withSize(500, 500));
        HoldoutSplit split = HoldoutSplit.standard(data, seed);
        TrainerConfig config = new TrainerConfig(48, 2, 125, 3e-3, 0.5, seed, 10, 1);
        Mandate mandate = new Mandate(new TreeMap<>(Map.of(Relevance.ID, 0.7, Novelty.ID, 0.3)),
                List.of(new Bound(PublicValue.ID, Bound.Kind.FLOOR, 0.3)), DataUseRules.NONE, null,
                Provenance.baseline("determinism probe"));
        TrainingResult r = TrainingRun.execute(data, split, mandate, config, ProgressListener.NONE);
        System.out.println(RESULT + "model_sha256=" + r.manifest().modelSha256()
                + " manifest_sha256=" + r.manifest().sha256()
                + " threads=" + Nd4j.getEnvironment().maxThreads() + "/" + Nd4j.getEnvironment().maxMasterThreads()
                + " thresholds=" + Nd4j.getEnvironment().elementwiseThreshold() + "/" + Nd4j.getEnvironment().tadThreshold()
                + " blas_threads=" + Nd4j.factory().blas().getMaxThreads()
                + " ndcg=" + r.evaluation().value(Relevance.ID)
                + " seconds=" + String.format("%.1f", r.seconds()));
        System.out.println(METRICS + CanonicalJson.write(r.evaluation().toJsonValue()));
        System.out.flush();
        // ND4J leaves non-daemon threads behind; exit explicitly so the parent does not wait on them.
        System.exit(0);
    }
}
