package org.mandate.training.run;

import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.model.RecommenderModel;
import org.mandate.training.train.PayoffTable;

/**
 * The outcome of {@link TrainingRun#execute}: the trained model, its held-out evaluation, the payoff
 * table, the manifest, and the wall time of the whole run (calibration + training + evaluation).
 */
public record TrainingResult(Mandate mandate, RecommenderModel model, Evaluation evaluation, PayoffTable payoffTable,
                             RunManifest manifest, double seconds) {}
