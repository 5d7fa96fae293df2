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
        permits BallotEntry, TallyComputed, MandatePublished, TrainingRunRecorded, EvaluationRecorded, ReportPublished,
                PanelConfigured, PhaseChanged, StatementModerated, DelegationChanged, VoteSettingsFixed, TallyDetails, SweepPublished {

    /** Every kind this interface models, in the order a decision usually produces them. */
    List<String> KINDS = List.of(PanelConfigured.KIND, VoteSettingsFixed.KIND, SweepPublished.KIND, PhaseChanged.KIND, StatementModerated.KIND,
            DelegationChanged.KIND, BallotCast.KIND, KindBallotCast.KINDS.get(0), KindBallotCast.KINDS.get(1), KindBallotCast.KINDS.get(2),
            KindBallotCast.KINDS.get(3), TallyDetails.KIND, TallyComputed.KIND, MandatePublished.KIND, TrainingRunRecorded.KIND,
            EvaluationRecorded.KIND, ReportPublished.KIND);

    /** The ledger entry kind, [a-z][a-z0-9_]*. */
    String kind();

    /** True when {@link #parse} understands entries of this kind (others, e.g. notes, are skipped by views). */
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
            case "ballot_floors", "ballot_comparison", "ballot_ranking", "ballot_approval" -> KindBallotCast.fromJson(entry.kind(), json);
            case VoteSettingsFixed.KIND -> VoteSettingsFixed.fromJson(json);
            case TallyDetails.KIND -> TallyDetails.fromJson(json);
            case SweepPublished.KIND -> SweepPublished.fromJson(json);
            case DelegationChanged.KIND -> DelegationChanged.fromJson(json);
            case TallyComputed.KIND -> TallyComputed.fromJson(json);
            case MandatePublished.KIND -> MandatePublished.fromJson(json);
            case TrainingRunRecorded.KIND -> TrainingRunRecorded.fromJson(json);
            case EvaluationRecorded.KIND -> EvaluationRecorded.fromJson(json);
            case ReportPublished.KIND -> ReportPublished.fromJson(json);
            case PanelConfigured.KIND -> PanelConfigured.fromJson(json);
            case PhaseChanged.KIND -> PhaseChanged.fromJson(json);
            case StatementModerated.KIND -> StatementModerated.fromJson(json);
            default -> throw new IllegalArgumentException("entry " + entry.seq() + " has kind '" + entry.kind()
                    + "', which is not a modelled ledger event (" + String.join(", ", KINDS) + ")");
        };
        if (!event.canonicalJson().equals(entry.payload())) {
            throw new IllegalArgumentException("entry " + entry.seq() + " (" + entry.kind() + ") payload is not the canonical form of its content");
        }
        return event;
    }
}
