package org.mandate.deliberation.service;

import java.util.Arrays;

/**
 * The kinds of ballot a panel can offer. Exactly one of {@link #WEIGHTS}, {@link #COMPARISON} and
 * {@link #RANKING} decides the mandate's weights (the panel's <em>primary</em> kind); {@link #FLOORS}
 * adds bounds and {@link #APPROVAL} data-use rules. Weight ballots keep the ledger kind {@code ballot}
 * they always had, so existing records and verifiers read them unchanged.
 */
public enum BallotKind {
    WEIGHTS("weights", "ballot", true),
    FLOORS("floors", "ballot_floors", false),
    COMPARISON("comparison", "ballot_comparison", true),
    RANKING("ranking", "ballot_ranking", true),
    APPROVAL("approval", "ballot_approval", false);

    private final String id;
    private final String ledgerKind;
    private final boolean primary;

    BallotKind(String id, String ledgerKind, boolean primary) {
        this.id = id;
        this.ledgerKind = ledgerKind;
        this.primary = primary;
    }

    /** The id used in the API, the database and ballot JSON. */
    public String id() { return id; }

    /** The ledger entry kind ballots of this kind are published under. */
    public String ledgerKind() { return ledgerKind; }

    /** Whether ballots of this kind decide the mandate's weights. */
    public boolean primary() { return primary; }

    public static BallotKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new Refused(Refused.Kind.INVALID, "unknown ballot kind '" + id
                        + "'; kinds are weights, floors, comparison, ranking, approval"));
    }
}
