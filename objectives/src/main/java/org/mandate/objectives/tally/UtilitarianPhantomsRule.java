package org.mandate.objectives.tally;

import java.util.Map;

/**
 * The utilitarian moving-phantom rule of Freeman, Pennock, Peters and Wortman Vaughan (JET 2021): the
 * phantoms f_k(t) = clamp((n+1)·t − k, 0, 1), k = 0..n, rise one after another (phantom k moves from 0
 * to 1 while t crosses [k/(n+1), (k+1)/(n+1)]). Its outcome maximises utilitarian welfare
 * −Σ_i ‖x − p_i‖₁ over the simplex, with a tie-breaking the phantoms fix, and like every moving-phantom
 * rule it is strategyproof under ℓ1 preferences. It favours majorities: unlike independent markets it
 * is not proportional (three single-minded voters for A and one for B give A everything).
 */
public record UtilitarianPhantomsRule() implements PhantomRule {

    public static final String ID = "utilitarian_phantoms";


    @Override public String id() { return ID; }

    @Override public int version() { return 1; }

    @Override public Map<String, Object> settings() { return Map.of("phantoms", "f_k(t)=clamp((n+1)t-k,0,1)", "solver", "bisection"); }

    @Override
    public double phantom(long k, long n, double t) {
        return Math.max(0.0, Math.min(1.0, (n + 1) * t - k));
    }
}
