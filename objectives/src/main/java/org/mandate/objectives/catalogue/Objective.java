package org.mandate.objectives.catalogue;

import org.mandate.objectives.metrics.EvaluationData;
import org.mandate.objectives.metrics.MetricValue;

/**
 * One objective term a panel can put weight on: what it means in plain words and the metric that the
 * audit reports for it on top-k recommendation lists. How a model is pushed towards it (the training
 * surrogate) lives in the training module, under the same {@link #id()}.
 */
public sealed interface Objective permits Relevance, Novelty, Coverage, Diversity, Calibration, ProviderFairness,
        PublicValue, Exploration, Fragmentation {

    /** Stable identifier used in ballots, mandates, manifests and reports. */
    String id();

    LocalizedText name();

    LocalizedText description();

    /** Direction of the headline metric returned by {@link #evaluate}. */
    Direction direction();

    /** The headline metric name, e.g. {@code ndcg@10}. */
    String metricName(int k);

    MetricValue evaluate(EvaluationData data);
}
