package org.mandate.training.model;

import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.training.surrogate.Surrogate;
import org.mandate.training.surrogate.SurrogateInputs;
import org.mandate.training.surrogate.Surrogates;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SameDiff training graph of the Mult-DAE: placeholders x (corrupted, normalised input) and y
 * (0/1 targets), the four parameters as variables, logits, the hand-built softmaxes of
 * {@link SurrogateInputs}, one SDVariable per surrogate and the loss: the weighted, normalised terms
 * combined by a {@link Scalarisation}. Parameters are updated in place by the trainer.
 */
public final class MultDaeGraph {

    private final SameDiff sd;
    private final DataType dtype;
    private final List<String> surrogateOutputs = new ArrayList<>();
    private final Map<String, String> outputByObjective = new LinkedHashMap<>();
    private final List<GraphPenalty> penalties;

    /**
     * A graph whose terms are summed (see the other constructor).
     *
     * @param measured objectives whose surrogate values are also computed (for logs and calibration),
     *                 besides the loss terms
     */
    public MultDaeGraph(ModelParameters init, ItemFeatures features, double[] targetShares, List<WeightedTerm> terms,
                        Collection<String> measured) {
        this(init, features, targetShares, terms, Scalarisation.weightedSum(), measured);
    }

    /**
     * @param scalarisation how the weighted terms combine into the loss
     * @param measured      objectives whose surrogate values are also computed (for logs and calibration),
     *                      besides the loss terms
     */
    public MultDaeGraph(ModelParameters init, ItemFeatures features, double[] targetShares, List<WeightedTerm> terms,
                        Scalarisation scalarisation, Collection<String> measured) {
        this(init, features, targetShares, terms, scalarisation, measured, List.of());
    }

    /**
     * @param penalties added to the scalarised loss as they stand (constraints are not objectives: they are
     *                  neither weighted nor normalised)
     */
    public MultDaeGraph(ModelParameters init, ItemFeatures features, double[] targetShares, List<WeightedTerm> terms,
                        Scalarisation scalarisation, Collection<String> measured, List<? extends GraphPenalty> penalties) {
        this.penalties = List.copyOf(penalties);
        this.dtype = init.w1().dataType();
        this.sd = SameDiff.create();
        int items = init.items();
        SDVariable x = sd.placeHolder("x", dtype, -1, items);
        SDVariable y = sd.placeHolder("y", dtype, -1, items);
        SDVariable w1 = sd.var("w1", init.w1().dup());
        SDVariable b1 = sd.var("b1", init.b1().dup());
        SDVariable w2 = sd.var("w2", init.w2().dup());
        SDVariable b2 = sd.var("b2", init.b2().dup());
        SDVariable hidden = sd.math.tanh(x.mmul(w1).add(b1));
        SDVariable logits = sd.identity("logits", hidden.mmul(w2).add(b2));
        // x is a non-negative scaled 0/1 vector, so sign(x) marks exactly the items the model was given.
        SDVariable consumed = sd.math.sign(x);
        SurrogateInputs in = SurrogateInputs.create(sd, logits, consumed, y, features, targetShares, dtype);

        List<String> ids = new ArrayList<>();
        for (WeightedTerm t : terms) ids.add(t.objectiveId());
        for (String m : measured) if (!ids.contains(m)) ids.add(m);
        Map<String, SDVariable> values = new LinkedHashMap<>();
        for (String id : ids) {
            Surrogate s = Surrogates.get(id);
            SDVariable v = sd.identity("surrogate_" + id, s.build(in));
            values.put(id, v);
            outputByObjective.put(id, v.name());
            surrogateOutputs.add(v.name());
        }
        List<SDVariable> weighted = new ArrayList<>();
        for (WeightedTerm t : terms) {
            weighted.add(values.get(t.objectiveId()).sub(t.offset()).mul(t.weight() / t.scale()));
        }
        if (weighted.isEmpty()) throw new IllegalArgumentException("the loss needs at least one term");
        SDVariable loss = scalarisation.combine(sd, weighted);
        for (GraphPenalty penalty : this.penalties) loss = loss.add(penalty.build(in, logits));
        sd.identity("loss", loss);
        sd.setLossVariables("loss");
    }

    public DataType dtype() {
        return dtype;
    }

    /** One forward and backward pass: the loss, each surrogate value, and d loss / d parameter. */
    public Step step(INDArray x, INDArray y) {
        List<String> outputs = new ArrayList<>(surrogateOutputs);
        outputs.add("loss");
        OutAndGrad r = sd.calculateGradientsAndOutputs(placeholders(x, y), outputs, ModelParameters.NAMES);
        return new Step(r.getOutputs().get("loss").getDouble(0), values(r.getOutputs()), r.getGradients());
    }

    /** Forward pass only: each surrogate value for this batch. */
    public Map<String, Double> evaluate(INDArray x, INDArray y) {
        return values(sd.output(placeholders(x, y), surrogateOutputs));
    }

    /** Forward pass only: the named scalar variables (e.g. a penalty's metric estimates) for this batch. */
    public Map<String, Double> scalars(INDArray x, INDArray y, List<String> names) {
        Map<String, INDArray> out = sd.output(placeholders(x, y), names);
        Map<String, Double> v = new LinkedHashMap<>();
        for (String name : names) v.put(name, out.get(name).getDouble(0));
        return v;
    }

    /** x, y and every penalty's placeholders, computed from the logits of the live parameters on x. */
    private Map<String, INDArray> placeholders(INDArray x, INDArray y) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("x", x);
        feed.put("y", y);
        if (!penalties.isEmpty()) {
            INDArray logits = new RecommenderModel(parameters()).logits(x);
            INDArray consumed = Transforms.sign(x, true);
            for (GraphPenalty p : penalties) feed.putAll(p.feed(logits, consumed));
        }
        return feed;
    }

    /** The live parameter arrays (updated in place by the optimiser). */
    public ModelParameters parameters() {
        return new ModelParameters(sd.getArrForVarName("w1"), sd.getArrForVarName("b1"),
                sd.getArrForVarName("w2"), sd.getArrForVarName("b2"));
    }

    private Map<String, Double> values(Map<String, INDArray> out) {
        Map<String, Double> v = new LinkedHashMap<>();
        outputByObjective.forEach((id, name) -> v.put(id, out.get(name).getDouble(0)));
        return v;
    }

    /** The result of one training step. */
    public record Step(double loss, Map<String, Double> surrogates, Map<String, INDArray> gradients) {}
}
