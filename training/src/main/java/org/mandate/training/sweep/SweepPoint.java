package org.mandate.training.sweep;

import org.mandate.objectives.mandate.Mandate;
import org.mandate.training.eval.Evaluation;
import org.mandate.training.run.RunManifest;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One trained point of a weight sweep. The model itself is not kept (a sweep would hold dozens); its
 * hash is in the manifest, and re-running the point's mandate with the same config reproduces it.
 *
 * @param weights    the lattice point, on the sweep's objectives (zeros included)
 * @param mandate    the mandate trained (positive weights only, the template's rules and targets)
 * @param evaluation every catalogue objective on the held-out users
 * @param manifest   the run's manifest
 * @param seconds    wall time of the run
 * @param exampleSlates the top of the sweep's example users' lists under this point's model (the same users at
 *                      every point of a sweep; empty when none were asked for)
 */
public record SweepPoint(SortedMap<String, Double> weights, Mandate mandate, Evaluation evaluation, RunManifest manifest,
                         double seconds, List<ExampleSlate> exampleSlates) {

    public SweepPoint {
        weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
        exampleSlates = List.copyOf(exampleSlates);
    }

    /** A point without example slates. */
    public SweepPoint(SortedMap<String, Double> weights, Mandate mandate, Evaluation evaluation, RunManifest manifest,
                      double seconds) {
        this(weights, mandate, evaluation, manifest, seconds, List.of());
    }

    public double value(String objectiveId) {
        return evaluation.value(objectiveId);
    }
}
