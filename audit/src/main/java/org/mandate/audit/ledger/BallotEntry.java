package org.mandate.audit.ledger;

import org.mandate.objectives.json.CanonicalJson;

import java.util.Map;

/**
 * A ballot entry of any kind: a weight ballot ({@link BallotCast}, kind {@code ballot}) or a ballot of
 * another kind ({@link KindBallotCast}: floors, slate comparisons, a ranking, approvals). Every kind shares
 * one payload layout ({@link BallotJson}): the canonical ballot as the member cast it, the preimage of their
 * receipt, plus the receipt. Turnout, receipt look-up and Merkle proofs read ballots through this interface,
 * so no kind is left out of them.
 */
public sealed interface BallotEntry extends LedgerEvent permits BallotCast, KindBallotCast {

    long panelId();

    /** The pseudonymous voter id; never an identity. */
    String voter();

    /** 1 for the member's first ballot of this kind on the panel; the highest version is the one that counts. */
    int version();

    /** ISO-8601 instant ({@link java.time.Instant#toString()} form). */
    String castAt();

    /** {@code weights}, {@code floors}, {@code comparison}, {@code ranking} or {@code approval}. */
    String ballotKind();

    /** The ballot as the member cast it: the receipt's preimage. */
    Map<String, Object> ballot();

    /** SHA-256 (hex) of the canonical ballot: what the member was handed when voting. */
    default String receipt() {
        return CanonicalJson.sha256(ballot());
    }
}
