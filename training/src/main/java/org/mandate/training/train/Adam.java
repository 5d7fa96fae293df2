package org.mandate.training.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.HashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015), applied in place to named parameter arrays. Written out rather than taken
 * from {@code sd.fit} so every update is visible and the run is deterministic given its inputs.
 */
public final class Adam {

    private static final double BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-8;

    private final java.util.function.IntToDoubleFunction rateAtStep;
    private final double weightDecay;
    private final java.util.Set<String> decayed;
    private final Map<String, INDArray> m = new HashMap<>();
    private final Map<String, INDArray> v = new HashMap<>();
    private int t;

    public Adam(double learningRate) {
        this(learningRate, 0, java.util.Set.of());
    }

    /**
     * AdamW: the parameters named in {@code decayed} also shrink by {@code learningRate·weightDecay} of themselves each
     * step, outside the adaptive scaling, so the decay is the same for rarely and often updated weights.
     */
    public Adam(double learningRate, double weightDecay, java.util.Set<String> decayed) {
        this(step -> learningRate, weightDecay, decayed);
    }

    /**
     * AdamW whose step size follows a schedule: {@code rateAtStep} maps the 1-based step count to the learning rate,
     * which scales both the adaptive step and the decay.
     */
    public Adam(java.util.function.IntToDoubleFunction rateAtStep, double weightDecay, java.util.Set<String> decayed) {
        this.rateAtStep = rateAtStep;
        this.weightDecay = weightDecay;
        this.decayed = java.util.Set.copyOf(decayed);
    }

    /** The step count t (bias correction depends on it). */
    public int step() {
        return t;
    }

    /** First moment of a parameter (null before the first update); live, not a copy. */
    public INDArray firstMoment(String name) {
        return m.get(name);
    }

    /** Second moment of a parameter (null before the first update); live, not a copy. */
    public INDArray secondMoment(String name) {
        return v.get(name);
    }

    /** Resumes from a checkpoint: the moments (copied) and the step count they were taken at. */
    public void restore(int step, Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments) {
        if (step < 0) throw new IllegalArgumentException("negative Adam step " + step);
        t = step;
        m.clear();
        v.clear();
        firstMoments.forEach((k, a) -> m.put(k, a.dup()));
        secondMoments.forEach((k, a) -> v.put(k, a.dup()));
    }

    public void update(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        t++;
        double learningRate = rateAtStep.applyAsDouble(t);
        double alpha = learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
            INDArray g = gradients.get(e.getKey());
            if (g == null) throw new IllegalStateException("no gradient for " + e.getKey());
            INDArray mi = m.computeIfAbsent(e.getKey(), k -> Nd4j.zeros(g.dataType(), g.shape()));
            INDArray vi = v.computeIfAbsent(e.getKey(), k -> Nd4j.zeros(g.dataType(), g.shape()));
            mi.muli(BETA1).addi(g.mul(1 - BETA1));
            vi.muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
            INDArray step = mi.div(Transforms.sqrt(vi, true).addi(EPSILON)).muli(alpha);
            if (weightDecay > 0 && decayed.contains(e.getKey())) e.getValue().muli(1 - learningRate * weightDecay);
            e.getValue().subi(step);
        }
    }
}
