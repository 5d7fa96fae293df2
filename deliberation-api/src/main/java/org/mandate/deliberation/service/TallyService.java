package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.ledger.TallyDetails;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.ballot.ApprovalBallot;
import org.mandate.objectives.ballot.ComparisonBallot;
import org.mandate.objectives.ballot.FloorBallot;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.RankingBallot;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.delegation.Delegation;
import org.mandate.objectives.delegation.DelegationOutcome;
import org.mandate.objectives.delegation.LiquidDelegation;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.ApprovalResult;
import org.mandate.objectives.tally.BradleyTerryFit;
import org.mandate.objectives.tally.FloorRule;
import org.mandate.objectives.tally.PreferenceFit;
import org.mandate.objectives.tally.SchulzeResult;
import org.mandate.objectives.tally.SchulzeRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;
import org.mandate.objectives.tally.VotingRights;
import org.mandate.objectives.tally.WeightRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

import static org.mandate.deliberation.service.Refused.Kind.ALREADY_TALLIED;
import static org.mandate.deliberation.service.Refused.Kind.NO_BALLOTS;
import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * Tallying a panel: the latest ballot of every member of each kind the panel offers, the delegations in
 * force resolved by {@link LiquidDelegation} (a member's own ballot overrides their delegation; a
 * delegate's ballot counts once for every vote they carry), and the right rule per kind:
 * <ul>
 *   <li>weights: the panel's locked {@link WeightRule} with the delegated voting rights ({@link Tally#run});</li>
 *   <li>comparison: each member's implicit weights fitted by {@link BradleyTerryFit}, then that same rule;</li>
 *   <li>ranking: {@link SchulzeRule} over the packaged proposals, status quo first; the winner's weights;</li>
 *   <li>floors: {@link FloorRule} (majority median) into the mandate's bounds;</li>
 *   <li>approval: {@link org.mandate.objectives.tally.ApprovalRule} (quorum, majority) into data-use rules: adopted
 *       attribute bans, and the shortest adopted interaction-age limit ({@link #adopted}).</li>
 * </ul>
 * A tally closes voting first (in the same transaction), so the counted ballots and delegations are
 * exactly those in the record before the {@code closed} phase entry. The ledger gets a
 * {@code tally_details} entry (delegation outcomes, per-kind results; only when the panel offers more
 * than weights or delegations are in force), the {@code tally} entry and the {@code mandate} entry.
 */
public final class TallyService {

    public static final String DETAILS_KIND = TallyDetails.KIND;

    private final Jdbi jdbi;
    private final LedgerStore ledger;
    private final PanelService panels;

    public TallyService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.ledger = new LedgerStore(jdbi);
        this.panels = new PanelService(jdbi);
    }

    /**
     * Tallies the panel once: closes it if it is still in {@code vote}, then appends the
     * {@code tally_details}, {@code tally} ({@link TallyComputed}) and {@code mandate}
     * ({@link MandatePublished}, whose provenance names the tally record's SHA-256) entries.
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
            VoteSettings settings = VoteSettingsService.of(h, panel);
            // Read the ballots before closing, but under the row lock no ballot can arrive in between.
            Map<BallotKind, List<BallotService.Counted>> ballots = new LinkedHashMap<>();
            for (BallotKind kind : settings.kinds()) ballots.put(kind, BallotService.latest(h, panelId, kind));
            BallotKind primary = settings.primary();
            if (ballots.get(primary).isEmpty()) throw new Refused(NO_BALLOTS, "panel " + panelId + " has no " + primary.id() + " ballots to tally");
            if (panel.phase() == Phase.VOTE) panel = panels.advance(h, panel, Phase.CLOSED, organiser);

            List<String> members = h.createQuery("SELECT voter_id FROM members WHERE panel_id = :p AND role = 'member' ORDER BY voter_id")
                    .bind("p", panelId).mapTo(String.class).list();
            List<Delegation> delegations = DelegationService.inForce(h, panelId);
            PanelTally result = count(panel, settings, ballots, members, delegations);

            // A plain weight vote without delegations needs nothing beyond the tally record itself.
            if (!settings.equals(VoteSettings.WEIGHTS_ONLY) || !delegations.isEmpty()) {
                TallyDetails details = new TallyDetails(panelId, result.details());
                ledger.append(h, details.kind(), details.canonicalJson());
            }
            TallyComputed computed = primary == BallotKind.WEIGHTS
                    ? TallyComputed.of(panelId, result.record(), countedCasts(h, panelId))
                    : new TallyComputed(panelId, result.record());
            LedgerEntry tallyEntry = ledger.append(h, computed.kind(), computed.canonicalJson());
            Mandate mandate = Mandate.fromTally(result.record(), result.bounds(), result.dataUse(), null,
                    "panel " + panelId + ", " + result.record().rule() + ", " + result.record().ballotCount() + " " + primary.id() + " ballots")
                    // the personalisation rule fixed with the vote settings, so the mandate's hash covers it
                    .withPersonalisation(settings.personalisation());
            MandatePublished published = new MandatePublished(panelId, mandate);
            LedgerEntry mandateEntry = ledger.append(h, published.kind(), published.canonicalJson());
            h.createUpdate("INSERT INTO mandates (panel_id, tally_seq, mandate_seq, mandate_hash) VALUES (:p, :t, :m, :hash)")
                    .bind("p", panelId).bind("t", tallyEntry.seq()).bind("m", mandateEntry.seq()).bind("hash", mandate.sha256())
                    .execute();
            return new TallyOutcome(panelId, result.record(), mandate, tallyEntry, mandateEntry);
        });
    }

    /** What one panel's tally produced: the weight record, the bounds, the data-use rules, and the details. */
    record PanelTally(TallyRecord record, List<Bound> bounds, DataUseRules dataUse, Map<String, Object> details) {}

    /**
     * The pure part of a tally: ballots, members and delegations in, results out. Each kind resolves
     * delegations separately, since who voted directly differs from kind to kind.
     */
    static PanelTally count(Panel panel, VoteSettings settings, Map<BallotKind, List<BallotService.Counted>> ballots,
                            List<String> members, List<Delegation> delegations) {
        ObjectiveMenu menu = panel.menu();
        LiquidDelegation liquid = new LiquidDelegation(LiquidDelegation.UNLIMITED);
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> delegationJson = new LinkedHashMap<>();
        details.put("delegation_rule", Map.of("id", liquid.id(), "version", liquid.version(), "settings", liquid.settings()));
        details.put("delegations_in_force", delegations.stream().map(d -> Map.of("delegator", d.delegator(), "delegate", d.delegate())).toList());
        details.put("delegation", delegationJson);
        Map<BallotKind, DelegationOutcome> outcomes = new LinkedHashMap<>();
        for (Map.Entry<BallotKind, List<BallotService.Counted>> e : ballots.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            Set<String> direct = new TreeSet<>(e.getValue().stream().map(BallotService.Counted::voter).toList());
            DelegationOutcome outcome = liquid.resolve(members, direct, delegations, Delegation.ALL_TOPICS);
            outcomes.put(e.getKey(), outcome);
            delegationJson.put(e.getKey().id(), outcome);
        }

        BallotKind primary = settings.primary();
        DelegationOutcome primaryVotes = outcomes.get(primary);
        VotingRights rights = VotingRights.of(primaryVotes.rights());
        WeightRule rule = WeightRule.byId(panel.rule());
        TallyRecord record = switch (primary) {
            case WEIGHTS -> Tally.run(ballotsOf(ballots.get(primary), settings, WeightBallot.class), menu, rule, rights);
            case COMPARISON -> {
                BradleyTerryFit fit = BallotContent.fit(settings, menu);
                List<PreferenceFit> fits = new ArrayList<>();
                List<WeightBallot> fitted = new ArrayList<>();
                for (ComparisonBallot b : ballotsOf(ballots.get(primary), settings, ComparisonBallot.class)) {
                    PreferenceFit f = fit.fit(b, menu);
                    fits.add(f);
                    fitted.add(f.toBallot());
                }
                Map<String, Object> comparison = new LinkedHashMap<>();
                comparison.put("model", Map.of("id", fit.id(), "version", fit.version(), "settings", fit.settings()));
                comparison.put("fits", fits);
                details.put("comparison", comparison);
                yield Tally.run(fitted, menu, rule, rights);
            }
            case RANKING -> {
                List<RankingBallot> counted = replicate(ballotsOf(ballots.get(primary), settings, RankingBallot.class), primaryVotes,
                        (b, voter) -> new RankingBallot(voter, b.tiers()));
                SchulzeRule schulze = new SchulzeRule(settings.statusQuo());
                SchulzeResult r = schulze.tally(settings.proposalIds(), counted);
                details.put("ranking", r);
                Proposal winner = settings.proposals().stream().filter(p -> p.id().equals(r.winner())).findFirst().orElseThrow();
                TreeMap<String, Double> weights = new TreeMap<>();
                for (String id : menu.objectives()) weights.put(id, winner.weights().getOrDefault(id, 0.0));
                Map<String, Object> ruleSettings = new TreeMap<>(schulze.settings());
                ruleSettings.put("proposals", settings.proposals().stream().map(Proposal::toJson).toList());
                ruleSettings.put("winner", r.winner());
                yield new TallyRecord(schulze.id(), schulze.version(), ruleSettings, menu.objectives(), r.ballotCount(), r.ballotsDigest(), weights);
            }
            default -> throw new IllegalStateException("not a primary kind: " + primary);
        };

        List<Bound> bounds = List.of();
        List<BallotService.Counted> floorBallots = ballots.getOrDefault(BallotKind.FLOORS, List.of());
        if (!floorBallots.isEmpty()) {
            FloorRule floors = new FloorRule();
            List<FloorBallot> counted = replicate(ballotsOf(floorBallots, settings, FloorBallot.class), outcomes.get(BallotKind.FLOORS),
                    (b, voter) -> new FloorBallot(voter, b.floors()));
            bounds = floors.tally(counted, menu);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rule", floors.id());
            json.put("rule_version", floors.version());
            json.put("rule_settings", floors.settings());
            json.put("ballot_count", counted.size());
            json.put("ballots_digest", CanonicalJson.sha256(counted.stream().map(FloorBallot::toJsonValue).toList()));
            json.put("bounds", bounds.stream().map(b -> Map.of("objective", b.objective(), "kind", b.kind().name().toLowerCase(), "value", b.value())).toList());
            details.put("floors", json);
        }

        DataUseRules dataUse = DataUseRules.NONE;
        List<BallotService.Counted> approvalBallots = ballots.getOrDefault(BallotKind.APPROVAL, List.of());
        if (!approvalBallots.isEmpty()) {
            ApprovalResult r = settings.approvalRule().tally(settings.itemIds(), members.size(),
                    ballotsOf(approvalBallots, settings, ApprovalBallot.class), VotingRights.of(outcomes.get(BallotKind.APPROVAL).rights()));
            details.put("approval", r);
            dataUse = adopted(settings.items(), r);
        }
        return new PanelTally(record, bounds, dataUse, details);
    }

    /**
     * The data-use rules of the items the approval rule adopted, each item decided on its own. Adopted rules all
     * hold at once: every adopted attribute is forbidden, and of the adopted age limits the shortest binds (the
     * trainer keeps only interactions that are within every adopted limit, i.e. within the shortest), so a
     * panel that adopts both 90 and 30 days trains on the last 30 days.
     */
    static DataUseRules adopted(List<ApprovalItem> items, ApprovalResult r) {
        List<String> forbidden = new ArrayList<>();
        Integer age = null;
        for (ApprovalItem item : items) {
            if (!r.item(item.id()).passed()) continue;
            switch (item) {
                case ApprovalItem.ForbidAttribute f -> forbidden.add(f.forbidAttribute());
                case ApprovalItem.AgeLimit a -> age = age == null ? a.days() : Math.min(age, a.days());
            }
        }
        return forbidden.isEmpty() && age == null ? DataUseRules.NONE : new DataUseRules(forbidden, age);
    }

    private static <B> List<B> ballotsOf(List<BallotService.Counted> counted, VoteSettings settings, Class<B> type) {
        return counted.stream().map(c -> type.cast(c.content().toBallot(c.voter(), settings))).toList();
    }

    /**
     * Rules without a weighted form (Schulze, the floor median) count a delegate's ballot once per vote
     * they carry: copies named {@code <voter>#2 … #k}. Ballots whose votes were all lost do not count.
     */
    private static <B extends org.mandate.objectives.ballot.Ballot> List<B> replicate(List<B> ballots, DelegationOutcome votes, BiFunction<B, String, B> copy) {
        List<B> out = new ArrayList<>();
        for (B b : ballots) {
            long n = votes.votes().getOrDefault(b.voter(), 1L);
            if (n >= 1) out.add(b);
            for (long k = 2; k <= n; k++) out.add(copy.apply(b, b.voter() + "#" + k));
        }
        return out;
    }

    /** The counted weight ballots as the ledger holds them, for the tally entry's Merkle root. */
    private static List<BallotCast> countedCasts(Handle h, long panelId) {
        return h.createQuery("""
                        SELECT DISTINCT ON (member_id) ballot FROM ballots
                         WHERE panel_id = :p AND kind = 'weights'
                         ORDER BY member_id, version DESC""")
                .bind("p", panelId).mapTo(String.class).map(BallotCast::ofStoredBallot).list();
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

    /** A stored weight ballot's canonical JSON back to the value the tally counts. */
    static WeightBallot weightBallot(String ballotJson) {
        Map<String, Object> json = Json.parseObject(ballotJson);
        TreeMap<String, Double> weights = new TreeMap<>();
        ((Map<?, ?>) json.get("weights")).forEach((k, v) -> weights.put((String) k, ((Number) v).doubleValue()));
        return new WeightBallot((String) json.get("voter"), weights);
    }
}
