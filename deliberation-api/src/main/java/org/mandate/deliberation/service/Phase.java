package org.mandate.deliberation.service;

import java.util.Arrays;

/** The phases of a panel, in the only order they may be entered: a panel never goes back. */
public enum Phase {
    LEARN, DELIBERATE, VOTE, CLOSED;

    /** The lower-case name stored in the database and used in the API. */
    public String id() {
        return name().toLowerCase();
    }

    public static Phase of(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new Refused(Refused.Kind.INVALID, "unknown phase '" + id + "'; phases are learn, deliberate, vote, closed"));
    }
}
