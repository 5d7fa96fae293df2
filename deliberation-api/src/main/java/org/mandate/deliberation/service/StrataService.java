package org.mandate.deliberation.service;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * Stratified invitations: an organiser's CSV of strata becomes single-use invitation tokens carrying
 * those attributes, which pass to the member who redeems one. The turnout by stratum is what a
 * representativeness check needs; it never includes a voter id or a ballot.
 */
public final class StrataService {

    private final Jdbi jdbi;

    public StrataService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Parses and checks the whole file first, then issues every invitation in one transaction (all or none). */
    public List<StratifiedInvitation> invite(long panelId, String organiserToken, String csv) {
        StrataCsv file = StrataCsv.parse(csv);
        return jdbi.inTransaction(h -> {
            Member organiser = Sessions.authenticate(h, organiserToken);
            Panel panel = Panels.shared(h, panelId);
            Sessions.requireOrganiser(organiser, panelId);
            if (panel.phase() == Phase.CLOSED) throw new Refused(WRONG_PHASE, "panel " + panelId + " is closed");
            List<StratifiedInvitation> out = new ArrayList<>(file.invitations());
            Map<String, Map<String, String>> byHash = new java.util.HashMap<>();
            PreparedBatch invitations = h.prepareBatch("INSERT INTO invitations (panel_id, token_hash) VALUES (:panel, :hash)");
            for (StrataCsv.Row row : file.rows()) {
                for (int k = 0; k < row.count(); k++) {
                    String token = Tokens.newToken();
                    invitations.bind("panel", panelId).bind("hash", Tokens.hash(token)).add();
                    byHash.put(Tokens.hash(token), row.attributes());
                    out.add(new StratifiedInvitation(token, row.attributes()));
                }
            }
            // keys come back with their hash, so attributes go to the right invitation whatever the order
            PreparedBatch attributes = h.prepareBatch("INSERT INTO invitation_attributes (invitation_id, name, value) VALUES (:i, :name, :value)");
            invitations.executePreparedBatch("id", "token_hash").map((rs, ctx) -> {
                long id = rs.getLong("id");
                byHash.get(rs.getString("token_hash")).forEach((name, value) -> attributes.bind("i", id).bind("name", name).bind("value", value).add());
                return id;
            }).list();
            attributes.execute();
            return out;
        });
    }

    /**
     * Every member of the panel (not the organiser) as (attributes, has voted), sorted by attributes so
     * the order says nothing about who joined when. No voter id and no ballot content.
     */
    public List<StratumMember> members(long panelId) {
        return jdbi.withHandle(h -> {
            Panels.find(h, panelId).orElseThrow(() -> Panels.notFound(panelId));
            Map<Long, SortedMap<String, String>> attributes = new LinkedHashMap<>();
            Map<Long, Boolean> voted = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT m.id, EXISTS (SELECT 1 FROM ballots b WHERE b.member_id = m.id) AS voted
                              FROM members m WHERE m.panel_id = :p AND m.role = 'member'""")
                    .bind("p", panelId)
                    .map((rs, ctx) -> {
                        voted.put(rs.getLong("id"), rs.getBoolean("voted"));
                        attributes.put(rs.getLong("id"), new TreeMap<>());
                        return null;
                    }).list();
            h.createQuery("""
                            SELECT a.member_id, a.name, a.value FROM member_attributes a JOIN members m ON m.id = a.member_id
                             WHERE m.panel_id = :p AND m.role = 'member'""")
                    .bind("p", panelId)
                    .map((rs, ctx) -> attributes.get(rs.getLong("member_id")).put(rs.getString("name"), rs.getString("value"))).list();
            List<StratumMember> out = new ArrayList<>();
            attributes.forEach((id, attrs) -> out.add(new StratumMember(attrs, voted.get(id))));
            out.sort(Comparator.comparing((StratumMember m) -> m.attributes().toString()).thenComparing(StratumMember::hasVoted));
            return out;
        });
    }

    /** Members and voters per stratum (members who joined without strata form the stratum with no attributes). */
    public List<StratumTurnout> turnout(long panelId) {
        Map<SortedMap<String, String>, int[]> counts = new LinkedHashMap<>();
        for (StratumMember m : members(panelId)) {
            int[] c = counts.computeIfAbsent(m.attributes(), a -> new int[2]);
            c[0]++;
            if (m.hasVoted()) c[1]++;
        }
        List<StratumTurnout> out = new ArrayList<>();
        counts.forEach((attrs, c) -> out.add(new StratumTurnout(attrs, c[0], c[1])));
        return out;
    }
}
