package org.mandate.deliberation.service;

import java.util.Map;

/** A single-use invitation token (shown once; only its hash is stored) and the strata it carries to the member who redeems it. */
public record StratifiedInvitation(String token, Map<String, String> attributes) {

    public StratifiedInvitation {
        attributes = Map.copyOf(attributes);
    }
}
