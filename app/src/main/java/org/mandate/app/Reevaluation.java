package org.mandate.app;

import org.mandate.audit.ledger.LedgerView;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.verify.BundleLayout;
import org.mandate.audit.verify.Check;
import org.mandate.audit.verify.LedgerFile;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.metrics.MetricValue;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.run.ModelArtifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Re-runs each published model on the published evaluation data and compares every metric with what its
 * manifest recorded. Lives in the app because it needs the training module's model; the audit module's
 * verifier has already checked that the model bytes are the ones the manifest names.
 */
final class Reevaluation {

    /**
     * Largest accepted difference per metric value. Scores are float32 and the top-k cut breaks ties by
     * item index, so on the same machine results are identical; the slack covers other CPUs' rounding.
     */
    static final double TOLERANCE = 1e-6;

    private Reevaluation() {}

    static List<Check> check(Path bundle) {
        Path dataFile = bundle.resolve(EvaluationDataFile.NAME);
        Path runs = bundle.resolve(BundleLayout.RUNS);
        if (!Files.isRegularFile(dataFile) || !Files.isDirectory(runs)) return List.of();
        List<Check> checks = new ArrayList<>();
        try {
            EvaluationDataFile data = EvaluationDataFile.read(dataFile);
            Map<String, Mandate> mandates = mandates(bundle);
            Evaluator evaluator = new Evaluator(data.features(), data.k());
            for (Path dir : runDirectories(runs)) checks.add(reevaluate(dir, data, evaluator, mandates));
        } catch (RuntimeException e) {
            checks.add(new Check("re-evaluation", false, "cannot re-run the evaluation: " + e.getMessage()));
        }
        return checks;
    }

    private static Check reevaluate(Path dir, EvaluationDataFile data, Evaluator evaluator, Map<String, Mandate> mandates) {
        String name = "re-evaluation of runs/" + dir.getFileName();
        try {
            ModelArtifact artifact = ModelArtifact.load(dir);
            String mandateHash = (String) artifact.manifest().get("mandate_sha256");
            Mandate mandate = mandates.get(mandateHash);
            if (mandate == null) return new Check(name, false, "its mandate " + mandateHash + " is not in the ledger");
            Evaluation again = evaluator.evaluate(artifact.model(), data.heldOut(), mandate.exposureTargets());
            Map<?, ?> recorded = (Map<?, ?>) ((Map<?, ?>) artifact.manifest().get("metrics")).get("metrics");
            List<String> differences = new ArrayList<>();
            double worst = 0;
            for (Map.Entry<String, MetricValue> e : again.metrics().entrySet()) {
                Map<?, ?> before = (Map<?, ?>) recorded.get(e.getKey());
                if (before == null) {
                    differences.add(e.getKey() + " was not recorded");
                    continue;
                }
                double diff = Math.abs(((Number) before.get("value")).doubleValue() - e.getValue().value());
                worst = Math.max(worst, diff);
                if (diff > TOLERANCE) {
                    differences.add(e.getValue().metric() + " recorded " + before.get("value") + ", re-measured " + e.getValue().value());
                }
            }
            if (!differences.isEmpty()) return new Check(name, false, String.join("; ", differences));
            return new Check(name, true, again.metrics().size() + " metrics on " + again.users() + " held-out users reproduced within "
                    + TOLERANCE + " (largest difference " + worst + ")");
        } catch (RuntimeException e) {
            return new Check(name, false, e.getMessage());
        }
    }

    /** The mandates the ledger published, by hash, plus the relevance-only baseline every report uses. */
    private static Map<String, Mandate> mandates(Path bundle) {
        Map<String, Mandate> out = new HashMap<>();
        Mandate baseline = Mandate.relevanceOnly();
        out.put(baseline.sha256(), baseline);
        LedgerView view = LedgerView.of(LedgerFile.read(bundle.resolve(BundleLayout.LEDGER)));
        for (var published : view.all(MandatePublished.class)) {
            out.put(published.event().mandateHash(), published.event().mandate());
        }
        return out;
    }

    private static List<Path> runDirectories(Path runs) {
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
