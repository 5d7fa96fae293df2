package org.mandate.training.run;

import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.data.InteractionData;
import org.mandate.training.eval.Baselines;
import org.mandate.training.eval.BoundCheck;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.model.RecommenderModel;
import org.mandate.training.split.HoldoutSplit;
import org.mandate.training.train.PayoffTable;

import java.util.List;

/**
 * The outcome of {@link TrainingRun#execute}: the trained model, its held-out evaluation, each floor or ceiling
 * met or missed, the payoff table, the manifest, the data actually trained and evaluated on (after the data-use
 * rules) with its split, the wall time of the whole run (calibration + training + evaluation), and the baselines
 * evaluated beside it (also in the manifest).
 */
public record TrainingResult(Mandate mandate, RecommenderModel model, Evaluation evaluation, List<BoundCheck> bounds,
                             PayoffTable payoffTable, RunManifest manifest, InteractionData data, HoldoutSplit split,
                             double seconds, Baselines baselines) {}
