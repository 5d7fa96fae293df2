package org.mandate.audit.verify;

import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.EvaluationRecorded;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.ReportPublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.ledger.TrainingRunRecorded;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.ballot.WeightBallot;
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

/**
 * Verifies an exported bundle offline, trusting nothing the server says: the hash chain, every typed
 * entry, every tally recomputed from the published ballots with the recorded rule, every mandate
 * against its tally, every training run and evaluation against a published mandate, the report file
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
        Map<Long, String> tallyHashByPanel = new HashMap<>();
        Map<Long, TallyRecord> tallyByPanel = new HashMap<>();
        Set<String> mandates = new HashSet<>(Set.of(Mandate.relevanceOnly().sha256()));
        Set<String> trained = new HashSet<>();
        for (Parsed p : parsed) {
            switch (p.event()) {
                case BallotCast b -> latestBallots.computeIfAbsent(b.panelId(), k -> new TreeMap<>()).merge(b.voter(), b,
                        (old, now) -> now.version() > old.version() ? now : old);
                case TallyComputed t -> {
                    checks.add(recount(p.entry(), t, latestBallots.getOrDefault(t.panelId(), Map.of())));
                    tallyHashByPanel.put(t.panelId(), t.tallyHash());
                    tallyByPanel.put(t.panelId(), t.tally());
                }
                case MandatePublished m -> {
                    checks.add(mandateFollowsTally(p.entry(), m, tallyHashByPanel.get(m.panelId()), tallyByPanel.get(m.panelId())));
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
                case ReportPublished ignored -> { }
            }
        }
        if (receipt != null) checks.add(receipt(receipt, parsed, latestBallots, tallyByPanel.keySet()));
        return new Verdict(checks);
    }

    private record Parsed(LedgerEntry entry, LedgerEvent event) {}

    /** Recomputes a tally from the latest published ballot of every voter cast before it. */
    private static Check recount(LedgerEntry entry, TallyComputed recorded, Map<String, BallotCast> ballots) {
        String name = "tally of panel " + recorded.panelId() + " (entry " + entry.seq() + ")";
        try {
            List<WeightBallot> counted = ballots.values().stream().map(b -> new WeightBallot(b.voter(), b.weights())).toList();
            TallyRecord tally = recorded.tally();
            TallyRecord recomputed = Tally.run(counted, new ObjectiveMenu(tally.menu()), WeightRule.byId(tally.rule()));
            if (recomputed.canonicalJson().equals(tally.canonicalJson())) {
                return Check.pass(name, "recomputed from " + counted.size() + " published ballots with rule " + tally.rule()
                        + " v" + tally.ruleVersion() + ": identical");
            }
            return Check.fail(name, "recomputing from " + counted.size() + " published ballots gives " + recomputed.weights()
                    + " (digest " + recomputed.ballotsDigest() + "), but the record says " + tally.weights() + " (digest " + tally.ballotsDigest() + ")");
        } catch (RuntimeException e) {
            return Check.fail(name, "cannot be recomputed: " + e.getMessage());
        }
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

    private static Check receipt(String receipt, List<Parsed> parsed, Map<Long, Map<String, BallotCast>> latest, Set<Long> tallied) {
        for (Parsed p : parsed) {
            if (p.event() instanceof BallotCast b && b.receipt().equals(receipt)) {
                boolean counts = latest.get(b.panelId()).get(b.voter()) == b;
                String status = counts
                        ? (tallied.contains(b.panelId()) ? "it is the version that counts, and the recomputed tally includes it"
                                                          : "it is the version that counts; the panel has not been tallied yet")
                        : "a later version from the same voter replaced it";
                return Check.pass("receipt", "ballot " + receipt + " is entry " + p.entry().seq() + " of panel " + b.panelId() + "; " + status);
            }
        }
        return Check.fail("receipt", "no published ballot has receipt " + receipt);
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
