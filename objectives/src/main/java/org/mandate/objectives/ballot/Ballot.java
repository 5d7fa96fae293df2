package org.mandate.objectives.ballot;

import org.mandate.objectives.json.JsonValue;

/**
 * Every kind of ballot a panel member can cast, a closed family: weight allocations, floor proposals,
 * pairwise slate comparisons, rankings of packaged proposals and approvals of rules. Each has a
 * pseudonymous voter and a canonical JSON form (its ledger identity).
 */
public sealed interface Ballot extends JsonValue permits WeightBallot, FloorBallot, ComparisonBallot, RankingBallot, ApprovalBallot {

    String voter();
}
