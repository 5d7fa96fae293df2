package org.mandate.deliberation.service;

import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;
import org.mandate.objectives.tally.WeightRule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.mandate.deliberation.service.Refused.Kind.ALREADY_TALLIED;
import static org.mandate.deliberation.service.Refused.Kind.NO_BALLOTS;
import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * Tallying a panel: the latest ballot of every member, the panel's locked rule, the pure
 * {@link Tally#run} from the objectives module. A tally closes voting first (in the same transaction),
 * so the counted ballots are exactly those in the record before the {@code closed} phase entry.
 */
public final class TallyService {

    private final Jdbi jdbi;
    private final LedgerStore ledger;
    private final PanelService panels;

    public TallyService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.ledger = new LedgerStore(jdbi);
        this.panels = new PanelService(jdbi);
    }

    /**
     * Tallies the panel once: closes it if it is still in {@code vote}, then appends a {@code tally}
     * entry ({@link TallyComputed}) and a {@code mandate} entry ({@link MandatePublished}, whose
     * provenance names the tally record's SHA-256).
     */
    public TallyOutcome tally(long panelId, String organiserToken) {
        return jdbi.inTransaction(h -> {
            Member organiser = Sessions.authenticate(h, organiserToken);
            Panel panel = Panels.exclusive(h, panelId);
            Sessions.requireOrganiser(organiser, panelId);
            boolean tallied = h.createQuery("SELECT count(*) FROM mandates WHERE panel_id = :p").bind("p", panelId).mapTo(Integer.class).one() > 0;
            if (tallied) throw new Refused(ALREADY_TALLIED, "panel " + panelId + " has already been tallied");
            if (panel.phase() != Phase.VOTE && panel.phase() != Phase.CLOSED) {
                throw new Refused(WRONG_PHASE, "panel " + panelId + " is in phase " + panel.phase().id() + "; only a panel that voted can be tallied");
            }
            // Read the ballots before closing, but under the row lock no ballot can arrive in between.
            List<WeightBallot> ballots = h.createQuery("""
                            SELECT DISTINCT ON (member_id) ballot FROM ballots
                             WHERE panel_id = :p
                             ORDER BY member_id, version DESC""")
                    .bind("p", panelId).mapTo(String.class).map(TallyService::weightBallot).list();
            if (ballots.isEmpty()) throw new Refused(NO_BALLOTS, "panel " + panelId + " has no ballots to tally");
            if (panel.phase() == Phase.VOTE) panel = panels.advance(h, panel, Phase.CLOSED, organiser);

            TallyRecord record = Tally.run(ballots, panel.menu(), WeightRule.byId(panel.rule()));
            TallyComputed computed = new TallyComputed(panelId, record);
            LedgerEntry tallyEntry = ledger.append(h, computed.kind(), computed.canonicalJson());
            Mandate mandate = Mandate.fromTally(record, List.of(), DataUseRules.NONE, null,
                    "panel " + panelId + ", " + panel.rule() + ", " + record.ballotCount() + " ballots");
            MandatePublished published = new MandatePublished(panelId, mandate);
            LedgerEntry mandateEntry = ledger.append(h, published.kind(), published.canonicalJson());
            h.createUpdate("INSERT INTO mandates (panel_id, tally_seq, mandate_seq, mandate_hash) VALUES (:p, :t, :m, :hash)")
                    .bind("p", panelId).bind("t", tallyEntry.seq()).bind("m", mandateEntry.seq()).bind("hash", mandate.sha256())
                    .execute();
            return new TallyOutcome(panelId, record, mandate, tallyEntry, mandateEntry);
        });
    }

    /** The mandate a panel's tally produced, read back from the ledger. */
    public Optional<PublishedMandate> mandate(long panelId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT m.mandate_hash,
                               t.seq AS t_seq, t.kind AS t_kind, t.payload AS t_payload, t.prev_hash AS t_prev, t.hash AS t_hash,
                               d.seq AS d_seq, d.kind AS d_kind, d.payload AS d_payload, d.prev_hash AS d_prev, d.hash AS d_hash
                          FROM mandates m
                          JOIN ledger t ON t.seq = m.tally_seq
                          JOIN ledger d ON d.seq = m.mandate_seq
                         WHERE m.panel_id = :p""")
                .bind("p", panelId)
                .map((rs, ctx) -> {
                    LedgerEntry tally = new LedgerEntry(rs.getLong("t_seq"), rs.getString("t_kind"), rs.getString("t_payload"), rs.getString("t_prev"), rs.getString("t_hash"));
                    LedgerEntry mandate = new LedgerEntry(rs.getLong("d_seq"), rs.getString("d_kind"), rs.getString("d_payload"), rs.getString("d_prev"), rs.getString("d_hash"));
                    Mandate published = ((MandatePublished) LedgerEvent.parse(mandate)).mandate();
                    return new PublishedMandate(panelId, published, rs.getString("mandate_hash"), tally, mandate);
                })
                .findOne());
    }

    /** A stored ballot's canonical JSON back to the value the tally counts. */
    static WeightBallot weightBallot(String ballotJson) {
        Map<String, Object> json = Json.parseObject(ballotJson);
        TreeMap<String, Double> weights = new TreeMap<>();
        ((Map<?, ?>) json.get("weights")).forEach((k, v) -> weights.put((String) k, ((Number) v).doubleValue()));
        return new WeightBallot((String) json.get("voter"), weights);
    }
}
