package org.mandate.audit.verify;

import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.BallotEntry;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.CountedBallots;
import org.mandate.audit.ledger.DelegationChanged;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.audit.ledger.StatementModerated;
import org.mandate.audit.ledger.EvaluationRecorded;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.ReportPublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.ledger.TallyDetails;
import org.mandate.audit.ledger.TrainingRunRecorded;
import org.mandate.audit.ledger.VoteSettingsFixed;
import org.mandate.objectives.mandate.Personalisation;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.delegation.Delegation;
import org.mandate.objectives.delegation.LiquidDelegation;
import org.mandate.objectives.tally.VotingRights;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;
import org.mandate.objectives.tally.WeightRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Verifies an exported bundle offline, trusting nothing the server says: the hash chain, every typed
 * entry, every tally recomputed from the published ballots with the recorded rule, every mandate
 * against its tally (weights; data-use rules against a recount of the approval ballots; personalisation
 * against the vote settings), every training run and evaluation against a published mandate, the report file
 * against its recorded hash, and optionally that a voter's receipt is in the record and counted. For a
 * bundle directory also the signed Merkle checkpoints (RFC 9162), the inclusion of every entry under the
 * latest signed root, consistency with a checkpoint the reader kept, and the model files against their
 * recorded manifests: every byte of a complete bundle is covered by some check.
 */
public final class BundleVerifier {

    private BundleVerifier() {}

    /** Verifies the bundle directory with nothing brought from outside it: {@code verify(bundle, receipt, VerifyOptions.NONE)}. */
    public static Verdict verify(Path bundle, String receipt) {
        return verify(bundle, receipt, VerifyOptions.NONE);
    }

    /**
     * Verifies the bundle directory (see {@link BundleLayout}): the ledger file is exactly the canonical
     * form of its entries, then every ledger check of {@link #verify(List, String)}, the report file against
     * its published hash, the signed checkpoints, Merkle inclusion of every entry and consistency with
     * {@code options.previous()}, and every model artifact against its recorded manifest. The receipt line,
     * when asked for, comes last.
     */
    public static Verdict verify(Path bundle, String receipt, VerifyOptions options) {
        Path ledgerFile = bundle.resolve(LedgerFile.NAME);
        if (!Files.isRegularFile(ledgerFile)) {
            return new Verdict(List.of(Check.fail("bundle", "no " + LedgerFile.NAME + " in " + bundle)));
        }
        List<LedgerEntry> entries;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(ledgerFile);
            entries = LedgerFile.read(ledgerFile);
        } catch (IOException | RuntimeException e) {
            return new Verdict(List.of(Check.fail("ledger file", e.getMessage())));
        }
        List<Check> checks = new ArrayList<>(verify(entries, null).checks());
        // The Merkle leaves are the canonical lines: a file in any other spelling (spaces, key order, CRLF,
        // blank lines) holds bytes no signed root commits to, even when its entries parse the same.
        checks.add(1, Arrays.equals(bytes, LedgerFile.text(entries).getBytes(StandardCharsets.UTF_8))
                ? Check.pass("ledger file", LedgerFile.NAME + " is the canonical form of its " + entries.size() + " entries")
                : Check.fail("ledger file", LedgerFile.NAME + " is not byte for byte the canonical form of its entries (one canonical JSON line, LF-terminated, per entry)"));
        checks.addAll(reportFile(entries, bundle.resolve(BundleLayout.REPORT)));
        checks.addAll(CheckpointChecks.run(bundle, entries, options));
        checks.addAll(RunChecks.run(bundle, entries));
        if (receipt != null) checks.add(verify(entries, receipt).checks().getLast());
        return new Verdict(checks);
    }

    /** Verifies ledger entries as published, in seq order. {@code receipt} may be null. */
    public static Verdict verify(List<LedgerEntry> entries, String receipt) {
        List<Check> checks = new ArrayList<>();
        ChainVerification chain = HashChain.verify(entries);
        checks.add(chain.ok()
                ? Check.pass("hash chain", chain.reason() + ", head " + chain.head())
                : Check.fail("hash chain", chain.reason()));

        List<Parsed> parsed = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (LedgerEntry e : entries) {
            if (!LedgerEvent.isModelled(e.kind())) continue;
            try {
                parsed.add(new Parsed(e, LedgerEvent.parse(e)));
            } catch (RuntimeException ex) {
                unreadable.add("entry " + e.seq() + " (" + e.kind() + "): " + ex.getMessage());
            }
        }
        checks.add(unreadable.isEmpty()
                ? Check.pass("entries", parsed.size() + " typed entries read, every derived hash and receipt matches its content")
                : Check.fail("entries", String.join("; ", unreadable)));

        Map<Long, Map<String, BallotCast>> latestBallots = new HashMap<>();
        // every kind: "panel/kind/voter" -> the latest version, for the receipt line
        Map<String, BallotEntry> latestOfKind = new HashMap<>();
        Map<Long, Long> tallySeq = new HashMap<>();
        Map<Long, String> tallyHashByPanel = new HashMap<>();
        Map<Long, TallyComputed> tallyByPanel = new HashMap<>();
        Map<Long, PanelConfigured> configured = new TreeMap<>();
        Map<Long, VoteSettingsFixed> voteSettings = new HashMap<>();
        Map<Long, TallyDetails> tallyDetails = new HashMap<>();
        // per panel, the delegations in force when it was tallied (the approval recount weighs ballots by them)
        Map<Long, Map<String, String>> delegationsAtTally = new HashMap<>();
        Map<Long, String> phase = new HashMap<>();
        Map<Long, List<String>> phaseProblems = new TreeMap<>();
        Set<String> mandates = new HashSet<>(Set.of(Mandate.relevanceOnly().sha256()));
        Set<String> trained = new HashSet<>();
        // per panel, delegator -> delegate of the delegations in force so far
        Map<Long, Map<String, String>> delegations = new HashMap<>();
        for (Parsed p : parsed) {
            switch (p.event()) {
                case PanelConfigured c -> {
                    if (configured.putIfAbsent(c.panelId(), c) != null) {
                        phaseProblems.computeIfAbsent(c.panelId(), k -> new ArrayList<>()).add("configured a second time at entry " + p.entry().seq());
                    } else {
                        phase.put(c.panelId(), "learn");
                        phaseProblems.computeIfAbsent(c.panelId(), k -> new ArrayList<>());
                    }
                }
                case PhaseChanged c -> {
                    String now = phase.get(c.panelId());
                    List<String> problems = phaseProblems.computeIfAbsent(c.panelId(), k -> new ArrayList<>());
                    if (now == null) problems.add("entry " + p.entry().seq() + " changes the phase of a panel the record never configured");
                    else if (!now.equals(c.from())) problems.add("entry " + p.entry().seq() + " moves from " + c.from() + " but the panel was in " + now);
                    phase.put(c.panelId(), c.to());
                }
                case BallotEntry b -> {
                    String now = phase.get(b.panelId());
                    // A panel the record never configured (an older ledger) has no phases to check against.
                    if (now != null && !now.equals("vote")) {
                        phaseProblems.get(b.panelId()).add(b.kind() + " entry " + p.entry().seq() + " was cast in phase " + now);
                    }
                    if (b instanceof BallotCast w) {
                        latestBallots.computeIfAbsent(w.panelId(), k -> new TreeMap<>()).merge(w.voter(), w,
                                (old, latest) -> latest.version() > old.version() ? latest : old);
                    }
                    latestOfKind.merge(b.panelId() + "/" + b.ballotKind() + "/" + b.voter(), b, (old, latest) -> latest.version() > old.version() ? latest : old);
                }
                case TallyComputed t -> {
                    checks.add(KindRecount.applies(entries, t.panelId(), p.entry().seq())
                            ? KindRecount.check(p.entry(), t, entries, delegations.getOrDefault(t.panelId(), Map.of()))
                            : recount(p.entry(), t, latestBallots.getOrDefault(t.panelId(), Map.of()), configured.get(t.panelId()),
                                    delegations.getOrDefault(t.panelId(), Map.of())));
                    tallyHashByPanel.put(t.panelId(), t.tallyHash());
                    tallyByPanel.put(t.panelId(), t);
                    tallySeq.put(t.panelId(), p.entry().seq());
                    delegationsAtTally.put(t.panelId(), Map.copyOf(delegations.getOrDefault(t.panelId(), Map.of())));
                }
                case TallyDetails d -> tallyDetails.put(d.panelId(), d);
                case VoteSettingsFixed v -> voteSettings.put(v.panelId(), v);
                case MandatePublished m -> {
                    TallyComputed t = tallyByPanel.get(m.panelId());
                    checks.add(mandateFollowsTally(p.entry(), m, tallyHashByPanel.get(m.panelId()), t == null ? null : t.tally()));
                    checks.add(personalisationAsFixed(p.entry(), m, voteSettings.get(m.panelId())));
                    // A panel the record fixed no settings for (an older ledger) has no approval vote to recount.
                    if (voteSettings.containsKey(m.panelId()) && t != null) {
                        checks.add(DataUseCheck.check(p.entry(), m, voteSettings.get(m.panelId()), tallyDetails.get(m.panelId()),
                                tallySeq.get(m.panelId()), entries, delegationsAtTally.getOrDefault(m.panelId(), Map.of())));
                    }
                    mandates.add(m.mandateHash());
                }
                case TrainingRunRecorded r -> {
                    boolean known = mandates.contains(r.mandateHash());
                    Object named = r.manifest().get(RunChecks.MANDATE_SHA256);
                    String name = "training run '" + r.label() + "' (entry " + p.entry().seq() + ")";
                    checks.add(!known ? Check.fail(name, "names mandate " + r.mandateHash() + ", which no earlier entry published")
                            : named != null && !named.equals(r.mandateHash())
                            ? Check.fail(name, "is recorded under mandate " + r.mandateHash() + " but its manifest names " + named)
                            : Check.pass(name, "trained under mandate " + r.mandateHash() + ", published before it (or the relevance-only baseline)"
                                    + (named == null ? "" : "; the manifest names the same mandate")));
                    trained.add(r.mandateHash());
                }
                case EvaluationRecorded ev -> {
                    String name = "evaluation '" + ev.label() + "' (entry " + p.entry().seq() + ")";
                    checks.add(trained.contains(ev.mandateHash())
                            ? Check.pass(name, ev.metrics().size() + " metrics of a model trained under mandate " + ev.mandateHash())
                            : Check.fail(name, "evaluates mandate " + ev.mandateHash() + ", but no earlier training run used it"));
                }
                case StatementModerated mod -> {
                    if (!configured.containsKey(mod.panelId())) {
                        phaseProblems.computeIfAbsent(mod.panelId(), k -> new ArrayList<>())
                                .add("entry " + p.entry().seq() + " moderates a statement of a panel the record never configured");
                    }
                }
                case DelegationChanged d -> {
                    Map<String, String> inForce = delegations.computeIfAbsent(d.panelId(), k -> new TreeMap<>());
                    if (d.revokes()) inForce.remove(d.delegator());
                    else inForce.put(d.delegator(), d.delegate());
                }
                // Reports have their own line (reportFile); kinds added later are checked by their own lines.
                default -> { }
            }
        }
        phaseProblems.forEach((panel, problems) -> {
            String name = "phases of panel " + panel;
            PanelConfigured c = configured.get(panel);
            checks.add(problems.isEmpty()
                    ? Check.pass(name, "configured with rule " + c.rule() + " v" + c.ruleVersion() + " before any ballot; every ballot was cast while voting was open"
                            + (phase.get(panel).equals("closed") ? "; voting closed" : "; now in phase " + phase.get(panel)))
                    : Check.fail(name, String.join("; ", problems)));
        });
        if (receipt != null) checks.add(receipt(receipt, parsed, latestBallots, latestOfKind, tallyByPanel, tallySeq));
        return new Verdict(checks);
    }

    private record Parsed(LedgerEntry entry, LedgerEvent event) {}

    /**
     * Recomputes a tally from the latest published ballot of every voter cast before it: the record byte for
     * byte, the Merkle root of the counted ballots, and that the rule and menu are those the panel was configured with.
     */
    private static Check recount(LedgerEntry entry, TallyComputed recorded, Map<String, BallotCast> ballots, PanelConfigured config,
                                 Map<String, String> delegations) {
        String name = "tally of panel " + recorded.panelId() + " (entry " + entry.seq() + ")";
        try {
            CountedBallots counted = CountedBallots.of(ballots.values());
            TallyRecord tally = recorded.tally();
            if (config != null && (!config.rule().equals(tally.rule()) || config.ruleVersion() != tally.ruleVersion() || !config.menu().equals(tally.menu()))) {
                return Check.fail(name, "counted with rule " + tally.rule() + " v" + tally.ruleVersion() + " on " + tally.menu()
                        + ", but the panel was configured with rule " + config.rule() + " v" + config.ruleVersion() + " on " + config.menu());
            }
            TallyRecord recomputed = Tally.run(counted.weightBallots(), new ObjectiveMenu(tally.menu()), WeightRule.byId(tally.rule()),
                    delegatedRights(ballots.keySet(), delegations));
            if (!recomputed.canonicalJson().equals(tally.canonicalJson())) {
                return Check.fail(name, "recomputing from " + counted.ballots().size() + " published ballots gives " + recomputed.weights()
                        + " (digest " + recomputed.ballotsDigest() + "), but the record says " + tally.weights() + " (digest " + tally.ballotsDigest() + ")");
            }
            String root = counted.root();
            if (recorded.ballotsRoot() != null && !recorded.ballotsRoot().equals(root)) {
                return Check.fail(name, "the Merkle root of the " + counted.ballots().size() + " published ballots is " + root
                        + ", but the record says " + recorded.ballotsRoot());
            }
            return Check.pass(name, "recomputed from " + counted.ballots().size() + " published ballots with rule " + tally.rule()
                    + " v" + tally.ruleVersion() + ": identical; "
                    + (recorded.ballotsRoot() != null ? "Merkle root of the counted ballots " + root + " recomputed"
                                                      : "the record has no Merkle root of its ballots (older format)")
                    + (config != null ? "; rule and menu as configured before voting" : ""));
        } catch (RuntimeException e) {
            return Check.fail(name, "cannot be recomputed: " + e.getMessage());
        }
    }

    /**
     * The voting rights the delegations in force give the direct voters (liquid delegation, unlimited
     * chains, a direct ballot overrides the voter's own delegation): each counts once per vote they carry.
     * Members who neither voted nor took part in a delegation do not change the result, so the members
     * named by ballots and delegations stand for the whole panel.
     */
    static VotingRights delegatedRights(Set<String> directVoters, Map<String, String> delegations) {
        if (delegations.isEmpty()) return VotingRights.equal();
        Set<String> members = new TreeSet<>(directVoters);
        members.addAll(delegations.keySet());
        members.addAll(delegations.values());
        List<Delegation> inForce = delegations.entrySet().stream().map(e -> Delegation.of(e.getKey(), e.getValue())).toList();
        return VotingRights.of(new LiquidDelegation(LiquidDelegation.UNLIMITED).resolve(members, directVoters, inForce, Delegation.ALL_TOPICS).rights());
    }

    private static Check mandateFollowsTally(LedgerEntry entry, MandatePublished m, String tallyHash, TallyRecord tally) {
        String name = "mandate of panel " + m.panelId() + " (entry " + entry.seq() + ")";
        if (tally == null) return Check.fail(name, "no earlier tally of this panel");
        String claimed = m.mandate().provenance() == null ? null : m.mandate().provenance().tallyHash();
        if (!tallyHash.equals(claimed)) return Check.fail(name, "names tally " + claimed + " but the panel's tally hashes to " + tallyHash);
        Map<String, Double> expected = new TreeMap<>();
        tally.weights().forEach((k, v) -> { if (v > 0) expected.put(k, v); });
        if (!expected.equals(m.mandate().weights())) {
            return Check.fail(name, "weights " + m.mandate().weights() + " differ from the tally's " + expected);
        }
        return Check.pass(name, "weights equal the tally's result; mandate hash " + m.mandateHash());
    }

    /**
     * The mandate's personalisation rule must be the one the organiser fixed with the vote settings before
     * voting opened: otherwise whoever published the mandate could widen (or narrow) how far users may move the
     * voted weights after seeing the result. No settings entry, or settings without the rule, means none.
     */
    static Check personalisationAsFixed(LedgerEntry entry, MandatePublished m, VoteSettingsFixed settings) {
        String name = "personalisation of panel " + m.panelId() + " (entry " + entry.seq() + ")";
        Personalisation published = m.mandate().personalisation();
        Personalisation fixed;
        try {
            fixed = settings == null ? null : fixedPersonalisation(settings.settings().get("personalisation"));
        } catch (RuntimeException e) {
            return Check.fail(name, "the vote settings' personalisation rule cannot be read: " + e.getMessage());
        }
        String source = settings == null ? "the record fixed no vote settings for this panel" : "the vote settings fixed before voting";
        if (!java.util.Objects.equals(published, fixed)) {
            return Check.fail(name, "the mandate allows " + describe(published) + ", but " + source + " allow " + describe(fixed));
        }
        return Check.pass(name, describe(published) + ", as " + source + (settings == null ? "" : " said"));
    }

    private static Personalisation fixedPersonalisation(Object raw) {
        if (raw == null) return null;
        if (!(raw instanceof Map<?, ?> json) || !(json.get("max_shift") instanceof Number shift)) {
            throw new IllegalArgumentException("personalisation must be an object with a numeric max_shift, got " + raw);
        }
        Set<String> locked = new TreeSet<>();
        Object list = json.get("locked");
        if (list != null) {
            if (!(list instanceof List<?> ids)) throw new IllegalArgumentException("personalisation.locked must be a list, got " + list);
            for (Object id : ids) locked.add(String.valueOf(id));
        }
        return new Personalisation(shift.doubleValue(), locked);
    }

    private static String describe(Personalisation p) {
        return p == null ? "no personal weights"
                : "personal shifts up to " + p.maxShift() + (p.locked().isEmpty() ? "" : " with " + p.locked() + " locked");
    }

    /**
     * Finds the ballot entry of any kind with this receipt and says whether it counts: replaced by a later
     * version, awaiting a tally, or counted; a counted weight ballot under a tally with a ballots root also
     * gets its Merkle inclusion proof checked. Other kinds are not leaves of that root: comparison and
     * ranking ballots are counted by the recount line, floors and approvals by the tally's details.
     */
    private static Check receipt(String receipt, List<Parsed> parsed, Map<Long, Map<String, BallotCast>> latest,
                                 Map<String, BallotEntry> latestOfKind, Map<Long, TallyComputed> tallied, Map<Long, Long> tallySeq) {
        for (Parsed p : parsed) {
            if (p.event() instanceof BallotEntry b && b.receipt().equals(receipt)) {
                boolean counts = latestOfKind.get(b.panelId() + "/" + b.ballotKind() + "/" + b.voter()) == b;
                TallyComputed tally = tallied.get(b.panelId());
                String what = b.ballotKind() + " ballot " + receipt + " is entry " + p.entry().seq() + " of panel " + b.panelId() + "; ";
                String status;
                if (!counts) {
                    status = "a later version of the same voter's " + b.ballotKind() + " ballot replaced it";
                } else if (tally == null) {
                    status = "it is the version that counts; the panel has not been tallied yet";
                } else if (p.entry().seq() > tallySeq.get(b.panelId())) {
                    return Check.fail("receipt", what + "it was recorded after the panel's tally, so it was not counted");
                } else if (b instanceof BallotCast && tally.ballotsRoot() != null) {
                    CountedBallots.Leaf leaf = CountedBallots.of(latest.get(b.panelId()).values()).leaf(receipt).orElseThrow();
                    if (!leaf.proof().verify(leaf.leafHash(), tally.ballotsRoot())) {
                        return Check.fail("receipt", what + "but it has no valid inclusion proof under the tally's ballots root");
                    }
                    status = "it is the version that counts: leaf " + leaf.index() + " of the counted ballots, its inclusion proof of "
                            + leaf.proof().path().size() + " hashes leads to the tally's ballots root " + tally.ballotsRoot();
                } else if (b instanceof BallotCast || b.ballotKind().equals("comparison") || b.ballotKind().equals("ranking")) {
                    status = "it is the version that counts, and the recomputed tally includes it"
                            + (tally.ballotsRoot() == null ? " (the tally has no Merkle root of its ballots, so there is no inclusion proof)" : "");
                } else {
                    status = "it is the version that counts, one of the " + b.ballotKind() + " ballots the tally's details count"
                            + " (only weight ballots are leaves of the ballots root, so there is no inclusion proof)";
                }
                return Check.pass("receipt", what + status);
            }
        }
        return Check.fail("receipt", "no published ballot of any kind has receipt " + receipt);
    }

    private static List<Check> reportFile(List<LedgerEntry> entries, Path reportJson) {
        Optional<ReportPublished> recorded = Optional.empty();
        for (LedgerEntry e : entries) {
            if (e.kind().equals(ReportPublished.KIND)) {
                try {
                    recorded = Optional.of((ReportPublished) LedgerEvent.parse(e));
                } catch (RuntimeException ignored) {
                    // already reported by the "entries" check
                }
            }
        }
        if (!Files.isRegularFile(reportJson)) return List.of();
        if (recorded.isEmpty()) return List.of(Check.fail("report", "the bundle has a report.json but the ledger published no report hash to check it against"));
        try {
            String actual = CanonicalJson.sha256Hex(Files.readAllBytes(reportJson));
            String expected = recorded.get().reportSha256();
            return List.of(actual.equals(expected)
                    ? Check.pass("report", "report.json matches the published hash " + expected)
                    : Check.fail("report", "report.json hashes to " + actual + " but the ledger published " + expected));
        } catch (IOException e) {
            return List.of(Check.fail("report", "cannot read " + reportJson + ": " + e.getMessage()));
        }
    }

    /** The checks as printed lines, for the CLI and logs. */
    public static List<String> lines(Verdict verdict) {
        return verdict.checks().stream().map(Check::line).toList();
    }
}
