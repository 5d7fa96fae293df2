package org.mandate.objectives.tally;

/**
 * A moving-phantom rule (Freeman, Pennock, Peters, Wortman Vaughan 2021): the rules of this family
 * differ only in their phantom functions f_k(t); the median search and the voting-rights handling are
 * shared here and in {@link MovingPhantoms}.
 */
public sealed interface PhantomRule extends WeightRule permits IndependentMarketsRule, UtilitarianPhantomsRule {

    /** f_k(t) for phantom k of n+1, as t rises from 0 to 1. */
    double phantom(long k, long n, double t);

    @Override
    default double[] aggregate(double[][] profile) {
        return MovingPhantoms.aggregate(profile, null, this::phantom);
    }

    /** Whole-number rights (delegated votes) count as that many identical ballots; see {@link MovingPhantoms}. */
    @Override
    default double[] aggregate(double[][] profile, double[] rights) {
        Profiles.requireValid(profile);
        return MovingPhantoms.aggregate(profile, MovingPhantoms.multiplicities(id(), rights, profile.length), this::phantom);
    }
}
