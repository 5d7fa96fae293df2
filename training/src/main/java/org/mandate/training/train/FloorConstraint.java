package org.mandate.training.train;

import org.mandate.objectives.mandate.Bound;
import org.mandate.training.surrogate.SurrogateInputs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One floor or ceiling of a mandate as an inequality g ≤ 0 in the metric's units: g = threshold − (ĥ + c) for a
 * floor, (ĥ + c) − threshold for a ceiling, where ĥ is the {@link MetricEstimate} on the batch's soft lists and
 * c a calibration offset (the real metric minus the estimate on the training users' lists at the last epoch's
 * end, so that the constraint the gradient sees is the one the audit measures). Its augmented-Lagrangian term
 * is (ρ/2)·max(0, g + λ/ρ)² − λ²/(2ρ): zero slope where the constraint is slack and λ = 0, slope λ + ρ·g once
 * it binds. λ, ρ and c are placeholders fed by {@link AugmentedLagrangian}.
 *
 * @param bound the mandate's bound
 * @param index position in the mandate's list of bounds, names the placeholders
 */
public record FloorConstraint(Bound bound, int index) {

    public FloorConstraint {
        MetricEstimate.requireSupported(bound.objective());
    }

    public String estimateName() { return "bound_" + index + "_estimate"; }
    public String lambdaName() { return "bound_" + index + "_lambda"; }
    public String rhoName() { return "bound_" + index + "_rho"; }
    public String offsetName() { return "bound_" + index + "_offset"; }

    /** The penalty term as a scalar of the graph; also adds the named estimate output. */
    public SDVariable build(SurrogateInputs in, SoftTopK top, DataType dtype) {
        SameDiff sd = in.sd();
        SDVariable estimate = sd.identity(estimateName(), MetricEstimate.build(bound.objective(), top, in));
        SDVariable lambda = sd.placeHolder(lambdaName(), dtype);
        SDVariable rho = sd.placeHolder(rhoName(), dtype);
        SDVariable offset = sd.placeHolder(offsetName(), dtype);
        SDVariable calibrated = estimate.add(offset);
        SDVariable g = bound.kind() == Bound.Kind.FLOOR ? calibrated.rsub(bound.value()) : calibrated.sub(bound.value());
        SDVariable shifted = sd.nn.relu(g.add(lambda.div(rho)), 0);
        return shifted.mul(shifted).mul(rho).div(2).sub(lambda.mul(lambda).div(rho.mul(2)));
    }

    /** g for a measured (or estimated, offset included) metric value: positive when the bound is missed. */
    public double violation(double metric) {
        return bound.kind() == Bound.Kind.FLOOR ? bound.value() - metric : metric - bound.value();
    }

    /** The plain-double value of the term built by {@link #build}, for a given g. */
    public static double penalty(double g, double lambda, double rho) {
        double shifted = Math.max(0, g + lambda / rho);
        return rho / 2 * shifted * shifted - lambda * lambda / (2 * rho);
    }
}
