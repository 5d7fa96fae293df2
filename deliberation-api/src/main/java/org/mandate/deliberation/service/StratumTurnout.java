package org.mandate.deliberation.service;

import java.util.SortedMap;
import java.util.TreeMap;

/** A stratum (one combination of attribute values) with how many members joined from it and how many of them voted. */
public record StratumTurnout(SortedMap<String, String> attributes, int members, int voted) {

    public StratumTurnout {
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }
}
