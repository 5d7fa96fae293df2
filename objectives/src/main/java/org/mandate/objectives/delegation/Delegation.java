package org.mandate.objectives.delegation;

/**
 * A member's standing instruction that {@code delegate} votes for them, on one topic (e.g.
 * {@code "weights"} or {@code "rules"}) or on every topic ({@link #ALL_TOPICS}). Revoking means
 * withdrawing it: resolution only sees the delegations in force when the vote closes. A topic-specific
 * delegation overrides the member's all-topics one for that topic.
 */
public record Delegation(String delegator, String delegate, String topic) {

    public static final String ALL_TOPICS = "*";

    public Delegation {
        if (delegator == null || delegator.isBlank()) throw new IllegalArgumentException("a delegation needs a delegator");
        if (delegate == null || delegate.isBlank()) throw new IllegalArgumentException("a delegation needs a delegate");
        topic = topic == null || topic.isBlank() ? ALL_TOPICS : topic;
    }

    /** A delegation on every topic. */
    public static Delegation of(String delegator, String delegate) {
        return new Delegation(delegator, delegate, ALL_TOPICS);
    }
}
