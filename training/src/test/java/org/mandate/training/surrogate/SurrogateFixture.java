package org.mandate.training.surrogate;

import org.mandate.objectives.metrics.ItemFeatures;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** A surrogate over free logits (users × items): the smallest graph in which to check gradients and effects. */
final class SurrogateFixture {

    final SameDiff sd = SameDiff.create();
    final SDVariable logits;
    final SDVariable value;
    final ItemFeatures features;

    /** @param consumed 0/1 (users × items): items excluded from the soft recommendation */
    SurrogateFixture(Surrogate surrogate, INDArray initialLogits, INDArray consumed, INDArray targets,
                     ItemFeatures features, double[] tau) {
        DataType dt = initialLogits.dataType();
        this.features = features;
        logits = sd.var("s", initialLogits.dup());
        SDVariable y = sd.constant("y", targets.castTo(dt));
        SDVariable c = sd.constant("consumed", consumed.castTo(dt));
        value = sd.identity("value", surrogate.build(SurrogateInputs.create(sd, logits, c, y, features, tau, dt)));
        sd.setLossVariables("value");
    }

    double value() {
        return sd.output(Map.of(), "value").get("value").getDouble(0);
    }

    INDArray gradient() {
        return sd.calculateGradients(Map.of(), "s").get("s");
    }

    INDArray logits() {
        return sd.getArrForVarName("s");
    }

    /**
     * Items with Zipf-like popularity and three provider groups, the first one holding the popular head;
     * four categories, one per item except every third item split evenly over two, the head mostly news
     * (so popularity-biased lists start narrow, as they do on real catalogues); a {@code local} tag on
     * about a third of the items, rarer in the head.
     */
    static ItemFeatures features(int items, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] pop = new double[items];
        int[] group = new int[items];
        double sum = 0;
        for (int i = 0; i < items; i++) {
            pop[i] = 1.0 / (i + 1);
            sum += pop[i];
            group[i] = i < items / 5 ? 0 : 1 + rng.nextInt(2);
        }
        for (int i = 0; i < items; i++) pop[i] /= sum;
        SplittableRandom side = new SplittableRandom(seed + 1);
        double[][] categories = new double[items][4];
        boolean[] local = new boolean[items];
        for (int i = 0; i < items; i++) {
            int main = i < items / 3 && side.nextDouble() < 0.7 ? 0 : side.nextInt(4);
            if (i % 3 == 2) {
                categories[i][main] = 0.5;
                categories[i][(main + 1 + side.nextInt(3)) % 4] = 0.5;
            } else {
                categories[i][main] = 1;
            }
            local[i] = side.nextDouble() < (i < items / 5 ? 0.1 : 0.4);
        }
        return new ItemFeatures(pop, group, List.of("in-house", "independent", "regional"),
                List.of("news", "drama", "documentary", "entertainment"), categories, new TreeMap<>(Map.of("local", local)));
    }

    static INDArray gaussian(int rows, int cols, long seed, DataType dt) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[rows * cols];
        for (int j = 0; j < v.length; j++) {
            double u1 = 1 - rng.nextDouble(), u2 = rng.nextDouble();
            v[j] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return Nd4j.create(v, new long[]{rows, cols}, DataType.DOUBLE).castTo(dt);
    }
}
