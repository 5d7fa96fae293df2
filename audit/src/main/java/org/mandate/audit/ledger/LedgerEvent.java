package org.mandate.audit.ledger;

import org.mandate.objectives.json.Json;
import org.mandate.objectives.json.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * What can be written into the ledger, one record per kind. The canonical JSON of {@link #toJsonValue()}
 * is the entry's payload and {@link #kind()} its kind, so any store that appends
 * {@code HashChain.next(head, event.kind(), event.canonicalJson())} produces the same bytes as {@link Ledger}.
 *
 * <p>Values derived from others (ballot receipt, mandate hash) are computed, never passed in, so a record
 * cannot carry an inconsistent one; {@link #parse} recomputes them and refuses a payload that disagrees.
 */
public sealed interface LedgerEvent extends JsonValue
        permits BallotCast, TallyComputed, MandatePublished, TrainingRunRecorded, EvaluationRecorded, ReportPublished {

    /** Every kind this interface models, in the order a decision usually produces them. */
    List<String> KINDS = List.of(BallotCast.KIND, TallyComputed.KIND, MandatePublished.KIND,
            TrainingRunRecorded.KIND, EvaluationRecorded.KIND, ReportPublished.KIND);

    /** The ledger entry kind, [a-z][a-z0-9_]*. */
    String kind();

    /** True when {@link #parse} understands entries of this kind (others, e.g. panel phases, are skipped by views). */
    static boolean isModelled(String kind) {
        return KINDS.contains(kind);
    }

    /**
     * The typed view of a stored entry. Throws {@link IllegalArgumentException} when the kind is not
     * modelled, the payload is malformed, a derived value (receipt, hash) does not recompute, or the
     * payload is not in canonical form (the chain hashes bytes, so two spellings of one value are two values).
     */
    static LedgerEvent parse(LedgerEntry entry) {
        Map<String, Object> json = Json.parseObject(entry.payload());
        LedgerEvent event = switch (entry.kind()) {
            case BallotCast.KIND -> BallotCast.fromJson(json);
            case TallyComputed.KIND -> TallyComputed.fromJson(json);
            case MandatePublished.KIND -> MandatePublished.fromJson(json);
            case TrainingRunRecorded.KIND -> TrainingRunRecorded.fromJson(json);
            case EvaluationRecorded.KIND -> EvaluationRecorded.fromJson(json);
            case ReportPublished.KIND -> ReportPublished.fromJson(json);
            default -> throw new IllegalArgumentException("entry " + entry.seq() + " has kind '" + entry.kind()
                    + "', which is not a modelled ledger event (" + String.join(", ", KINDS) + ")");
        };
        if (!event.canonicalJson().equals(entry.payload())) {
            throw new IllegalArgumentException("entry " + entry.seq() + " (" + entry.kind() + ") payload is not the canonical form of its content");
        }
        return event;
    }
}
