package org.mandate.app;

import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.eval.Evaluator;
import org.mandate.training.split.HoldoutSplit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code mandate evaluate}: re-measures a trained run on its data, with the split drawn again from the manifest's
 * seed, and prints every metric next to the value the manifest recorded. Exit 1 if any differs beyond
 * {@link Reevaluation#TOLERANCE}.
 */
final class EvaluateCommand {

    private EvaluateCommand() {}

    static int run(List<String> words, PrintStream out) {
        Args args = Args.parse(words, Stream.concat(DataSource.OPTIONS.stream(), Stream.of("run", "seed")).collect(Collectors.toSet()));
        SavedRun run = SavedRun.open(Path.of(args.require("run")));
        Console console = new Console(out, 2);
        console.step("Loading the data the run was trained on");
        // --seed only matters for synthetic data, which train generated from its own seed.
        InteractionData data = DataSource.load(args, run.loadRules(), args.has("seed") ? args.getInt("seed", 42) : run.seed()).data();
        HoldoutSplit split = run.split(data);
        console.detail("%d users, %d items; %d held-out users", data.userCount(), data.itemCount(), split.heldOutUsers().length);
        console.step("Re-evaluating the model");
        Evaluation again = new Evaluator(split.trainingData(data).features(), run.k())
                .evaluate(run.artifact().model(), split, run.mandate().exposureTargets());

        Map<?, ?> recordedJson = (Map<?, ?>) ((Map<?, ?>) run.artifact().manifest().get("metrics")).get("metrics");
        Map<String, Double> recorded = new LinkedHashMap<>();
        recordedJson.forEach((id, m) -> recorded.put((String) id, ((Number) ((Map<?, ?>) m).get("value")).doubleValue()));
        Map<String, Double> measured = MetricTable.values(again);
        LinkedHashMap<String, Map<String, Double>> columns = new LinkedHashMap<>();
        columns.put("recorded", recorded);
        columns.put("re-measured", measured);
        out.println();
        MetricTable.print(out, again, columns);
        double worst = 0;
        for (var e : measured.entrySet()) {
            Double before = recorded.get(e.getKey());
            worst = Math.max(worst, before == null ? Double.POSITIVE_INFINITY : Math.abs(before - e.getValue()));
        }
        boolean same = worst <= Reevaluation.TOLERANCE;
        out.println((same ? "REPRODUCED" : "DIFFERENT") + ": largest difference " + worst + " across " + measured.size() + " metrics");
        return same ? 0 : 1;
    }
}
