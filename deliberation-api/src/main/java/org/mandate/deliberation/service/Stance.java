package org.mandate.deliberation.service;

import java.util.Arrays;

/** A member's vote on someone else's statement; {@link #value()} is the entry in the vote matrix. */
public enum Stance {
    AGREE(1), DISAGREE(-1), PASS(0);

    private final int value;

    Stance(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public String id() {
        return name().toLowerCase();
    }

    public static Stance of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new Refused(Refused.Kind.INVALID, "a vote is agree, disagree or pass, not '" + id + "'"));
    }

    public static Stance ofValue(int value) {
        return Arrays.stream(values()).filter(s -> s.value == value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stance has value " + value));
    }
}
