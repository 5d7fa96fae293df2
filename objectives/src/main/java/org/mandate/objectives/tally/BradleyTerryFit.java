package org.mandate.objectives.tally;

import org.mandate.objectives.ballot.ComparisonBallot;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.Slate;
import org.mandate.objectives.ballot.SlateComparison;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Direction;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fits a voter's implicit weights from pairwise slate comparisons, as WeBuildAI (Lee et al., CSCW 2019)
 * and Noothigattu et al. ("A voting-based system for ethical decision making", AAAI 2018) learn one
 * model per voter and then aggregate the models.
 *
 * <p>Model: a regularised Bradley–Terry (logistic) model on normalised metric differences,
 * P(b ≻ a) = σ(β·d), with d_j = s_j·(metric_j(b) − metric_j(a)) / scale_j, s_j = +1 when the objective
 * is maximised and −1 when minimised, so a positive β_j always means "wants more of objective j". The
 * strength of a judgement enters as a soft label y = (preference + 10)/20 (Tournesol's −10…10 scale,
 * 0 = as good, giving y = ½). β minimises the convex loss
 * <pre>  Σ_c [log(1 + e^{β·d_c}) − y_c·β·d_c] + (λ/2)‖β‖²</pre>
 * by Newton's method. Uncertainty is the Laplace approximation: Cov(β) ≈ H⁻¹ at the optimum, and the
 * delta method carries it to the weights w = β⁺/Σβ⁺.
 *
 * @param regularisation λ &gt; 0: the Gaussian prior that keeps β finite when a voter is always emphatic
 * @param scales         per objective, the metric range that one normalised unit stands for
 */
public record BradleyTerryFit(double regularisation, SortedMap<String, Double> scales) {

    public static final String ID = "bradley_terry_soft";
    public static final double DEFAULT_REGULARISATION = 0.1;

    /** Σβ⁺ below this is "no positive preference": the voter is indifferent. */
    static final double INDIFFERENCE = 1e-9;
    private static final int NEWTON_STEPS = 100;

    public BradleyTerryFit {
        if (!(regularisation > 0) || !Double.isFinite(regularisation)) throw new IllegalArgumentException("regularisation must be positive, got " + regularisation);
        scales = new TreeMap<>(scales);
        for (Map.Entry<String, Double> e : scales.entrySet()) {
            if (e.getValue() == null || !(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("scale of " + e.getKey() + " must be positive and finite, got " + e.getValue());
            }
        }
    }

    /** Scales from the pool of slates shown: each objective's metric range (1 when all slates agree). */
    public static BradleyTerryFit withScalesFrom(Collection<Slate> pool, ObjectiveMenu menu, double regularisation) {
        TreeMap<String, Double> scales = new TreeMap<>();
        for (String id : menu.objectives()) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (Slate s : pool) { lo = Math.min(lo, s.metric(id)); hi = Math.max(hi, s.metric(id)); }
            scales.put(id, hi > lo ? hi - lo : 1.0);
        }
        return new BradleyTerryFit(regularisation, scales);
    }

    public String id() { return ID; }

    public int version() { return 1; }

    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("regularisation", regularisation);
        s.put("scales", scales);
        s.put("label", "(preference+10)/20");
        s.put("uncertainty", "laplace");
        return s;
    }

    public PreferenceFit fit(ComparisonBallot ballot, ObjectiveMenu menu) {
        List<String> objectives = menu.objectives();
        int m = objectives.size();
        List<SlateComparison> comparisons = ballot.comparisons();
        int c = comparisons.size();
        double[][] d = new double[c][m];
        double[] y = new double[c];
        for (int k = 0; k < c; k++) {
            SlateComparison cmp = comparisons.get(k);
            for (int j = 0; j < m; j++) {
                String id = objectives.get(j);
                Double scale = scales.get(id);
                if (scale == null) throw new IllegalArgumentException("no metric scale for '" + id + "'");
                double sign = Catalogue.get(id).direction() == Direction.MAXIMISE ? 1 : -1;
                d[k][j] = sign * (cmp.b().metric(id) - cmp.a().metric(id)) / scale;
            }
            y[k] = (cmp.preference() + SlateComparison.MAX) / (2.0 * SlateComparison.MAX);
        }

        double[] beta = new double[m];
        double[][] hessian = new double[m][m];
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double[] gradient = new double[m];
            hessian = new double[m][m];
            for (int j = 0; j < m; j++) { gradient[j] = regularisation * beta[j]; hessian[j][j] = regularisation; }
            for (int k = 0; k < c; k++) {
                double p = sigmoid(dot(beta, d[k]));
                double r = p - y[k], curvature = p * (1 - p);
                for (int j = 0; j < m; j++) {
                    gradient[j] += r * d[k][j];
                    for (int l = 0; l < m; l++) hessian[j][l] += curvature * d[k][j] * d[k][l];
                }
            }
            double[] stepVector = solve(hessian, gradient);
            // Damped Newton: halve the step until the loss does not increase (logistic Newton can overshoot).
            double current = loss(beta, d, y), size = 1;
            double[] candidate = new double[m];
            for (int halving = 0; halving < 50; halving++, size /= 2) {
                for (int j = 0; j < m; j++) candidate[j] = beta[j] - size * stepVector[j];
                if (loss(candidate, d, y) <= current) break;
            }
            double norm = 0;
            for (int j = 0; j < m; j++) { norm = Math.max(norm, Math.abs(candidate[j] - beta[j])); beta[j] = candidate[j]; }
            if (norm < 1e-12) break;
        }
        double[][] covariance = inverse(hessian);

        TreeMap<String, Double> coefficients = new TreeMap<>(), coefficientSe = new TreeMap<>();
        TreeMap<String, Double> weights = new TreeMap<>(), weightSe = new TreeMap<>();
        double positive = 0;
        for (int j = 0; j < m; j++) {
            coefficients.put(objectives.get(j), beta[j]);
            coefficientSe.put(objectives.get(j), Math.sqrt(Math.max(0, covariance[j][j])));
            positive += Math.max(beta[j], 0);
        }
        boolean indifferent = positive < INDIFFERENCE;
        if (indifferent) {
            for (String id : objectives) weights.put(id, 1.0 / m);
        } else {
            double[] w = new double[m];
            for (int j = 0; j < m; j++) w[j] = Math.max(beta[j], 0) / positive;
            // Delta method: J_jk = (δ_jk·[β_j>0] − w_j·[β_k>0]) / Σβ⁺, Cov(w) = J Cov(β) Jᵀ.
            double[][] jac = new double[m][m];
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) {
                    jac[j][k] = ((j == k && beta[j] > 0 ? 1 : 0) - (beta[k] > 0 ? w[j] : 0)) / positive;
                }
            }
            for (int j = 0; j < m; j++) {
                double var = 0;
                for (int k = 0; k < m; k++) for (int l = 0; l < m; l++) var += jac[j][k] * covariance[k][l] * jac[j][l];
                weights.put(objectives.get(j), w[j]);
                weightSe.put(objectives.get(j), Math.sqrt(Math.max(0, var)));
            }
        }
        return new PreferenceFit(ballot.voter(), weights, weightSe, coefficients, coefficientSe, c, indifferent);
    }

    private double loss(double[] beta, double[][] d, double[] y) {
        double l = 0;
        for (double b : beta) l += regularisation * b * b / 2;
        for (int k = 0; k < d.length; k++) {
            double z = dot(beta, d[k]);
            l += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[k] * z;
        }
        return l;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Solves H x = g by Gaussian elimination with partial pivoting (H is positive definite: λ &gt; 0). */
    static double[] solve(double[][] h, double[] g) {
        int m = g.length;
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < m; i++) { System.arraycopy(h[i], 0, a[i], 0, m); a[i][m] = g[i]; }
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int r = col + 1; r < m; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] tmp = a[col]; a[col] = a[pivot]; a[pivot] = tmp;
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / a[col][col];
                for (int k = col; k <= m; k++) a[r][k] -= f * a[col][k];
            }
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = a[i][m];
            for (int k = i + 1; k < m; k++) s -= a[i][k] * x[k];
            x[i] = s / a[i][i];
        }
        return x;
    }

    static double[][] inverse(double[][] h) {
        int m = h.length;
        double[][] inv = new double[m][m];
        for (int k = 0; k < m; k++) {
            double[] e = new double[m];
            e[k] = 1;
            double[] col = solve(h, e);
            for (int j = 0; j < m; j++) inv[j][k] = col[j];
        }
        return inv;
    }
}
