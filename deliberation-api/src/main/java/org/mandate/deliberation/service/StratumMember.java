package org.mandate.deliberation.service;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One member as the strata table sees them: the attributes they joined with and whether they cast a
 * ballot. Deliberately without voter id and without ballot: joined with the public ledger, a voter id
 * would tell how each stratum's members voted.
 */
public record StratumMember(SortedMap<String, String> attributes, boolean hasVoted) {

    public StratumMember {
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }
}
