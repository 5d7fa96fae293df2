package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.BallotEntry;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.verify.BundleVerifier;
import org.mandate.audit.verify.Check;
import org.mandate.audit.verify.LedgerFile;
import org.mandate.audit.verify.Verdict;
import org.mandate.deliberation.SweepFixture;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.deliberation.ledger.LedgerStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Panels that use every ballot kind, a delegation and a sweep upload leave a record whose every entry is a
 * typed ledger event (written through the audit module's records), that the offline verifier passes as an
 * exported bundle, that finds a receipt of every kind, and in which changing one byte of any entry is caught.
 */
class EveryEntryKindTest extends EmbeddedApi {

    static final List<String> THREE = List.of("relevance", "novelty", "provider_fairness");

    private static PanelSeats panel(int members, List<String> menu, boolean revision) {
        return api.panel("every kind", members, menu, "mean", revision);
    }

    private static String cast(PanelSeats p, int member, Map<String, Object> body) {
        Reply r = api.post(p.path("/ballots"), p.members()[member], body);
        assertEquals(201, r.status(), r.body());
        return (String) r.get("receipt");
    }

    private static void settings(PanelSeats p, Map<String, Object> settings) {
        Reply r = api.post(p.path("/vote-settings"), p.organiser(), settings);
        assertEquals(201, r.status(), r.body());
    }

    private static void tally(PanelSeats p) {
        Reply t = api.post(p.path("/tally"), p.organiser(), Map.of());
        assertEquals(200, t.status(), t.body());
    }

    @Test
    void everyKindDelegationAndSweepMakeATypedRecordThatVerifiesAndCatchesAnyChangedByte(@TempDir Path dir) throws Exception {
        long first = new LedgerStore(jdbi).head().map(LedgerEntry::seq).orElse(-1L) + 1;
        Map<String, String> receipts = new LinkedHashMap<>();

        // Weights decide; floors and a data-use rule are voted too; a sweep is shown; member 4 delegates to member 0.
        PanelSeats a = panel(5, THREE, true);
        Reply up = api.send("PUT", a.path("/sweep"), a.organiser(), SweepFixture.json(THREE, 4));
        assertEquals(200, up.status(), up.body());
        settings(a, Map.of("kinds", List.of("weights", "floors", "approval"),
                "items", List.of(Map.of("id", "no_age", "label", "Never use age", "forbid_attribute", "age")), "quorum", 0.5, "majority", 0.5));
        String handle0 = (String) ((Map<?, ?>) api.get(a.path("/delegation"), a.members()[0]).get("delegation")).get("handle");
        assertEquals(200, api.post(a.path("/delegation"), a.members()[4], Map.of("delegate", handle0)).status());
        api.phase(a, "vote");
        double[][] points = {{60, 20, 20}, {20, 60, 20}, {20, 20, 60}, {40, 40, 20}};
        for (int m = 0; m < 4; m++) {
            receipts.put("weights", cast(a, m, Map.of("points", Map.of("relevance", points[m][0], "novelty", points[m][1], "provider_fairness", points[m][2]))));
        }
        cast(a, 0, Map.of("kind", "floors", "floors", Map.of("novelty", 9.0)));
        receipts.put("floors", cast(a, 0, Map.of("kind", "floors", "floors", Map.of("novelty", 8.0))));
        cast(a, 1, Map.of("kind", "floors", "floors", Map.of("novelty", 7.0)));
        cast(a, 2, Map.of("kind", "floors", "floors", Map.of("novelty", 6.0)));
        cast(a, 0, Map.of("kind", "approval", "votes", Map.of("no_age", true)));
        cast(a, 1, Map.of("kind", "approval", "votes", Map.of("no_age", true)));
        receipts.put("approval", cast(a, 2, Map.of("kind", "approval", "votes", Map.of("no_age", false))));
        tally(a);

        // Slate comparisons decide.
        PanelSeats b = panel(3, List.of("relevance", "novelty"), false);
        settings(b, Map.of("kinds", List.of("comparison"), "slates", List.of(
                Map.of("id", "s1", "metrics", Map.of("relevance", 0.40, "novelty", 6.0)),
                Map.of("id", "s2", "metrics", Map.of("relevance", 0.30, "novelty", 8.0)),
                Map.of("id", "s3", "metrics", Map.of("relevance", 0.20, "novelty", 10.0)))));
        api.phase(b, "vote");
        for (int m = 0; m < 3; m++) {
            int sign = m < 2 ? -1 : 1;
            receipts.put("comparison", cast(b, m, Map.of("kind", "comparison", "comparisons", List.of(
                    Map.of("a", "s1", "b", "s2", "preference", sign * 8), Map.of("a", "s2", "b", "s3", "preference", sign * 6)))));
        }
        tally(b);

        // A ranking of packaged proposals decides.
        PanelSeats c = panel(3, List.of("relevance", "novelty"), false);
        Map<String, Object> ranked = new LinkedHashMap<>();
        ranked.put("kinds", List.of("ranking"));
        ranked.put("proposals", List.of(
                Map.of("id", "today", "label", "Today's recommender", "weights", Map.of("relevance", 1.0)),
                Map.of("id", "balanced", "label", "Balanced", "weights", Map.of("relevance", 0.5, "novelty", 0.5))));
        ranked.put("status_quo", "today");
        settings(c, ranked);
        api.phase(c, "vote");
        cast(c, 0, Map.of("kind", "ranking", "ranking", List.of("balanced", "today")));
        receipts.put("ranking", cast(c, 1, Map.of("kind", "ranking", "ranking", List.of("balanced", "today"))));
        cast(c, 2, Map.of("kind", "ranking", "ranking", List.of("today", "balanced")));
        tally(c);

        List<LedgerEntry> entries = new LedgerStore(jdbi).entries();
        List<LedgerEntry> ours = entries.stream().filter(e -> e.seq() >= first).toList();
        // Every entry these panels wrote is a typed event of the sealed family, and the family was used in full.
        Set<String> kinds = new TreeSet<>();
        for (LedgerEntry e : ours) {
            assertTrue(LedgerEvent.isModelled(e.kind()), "entry " + e.seq() + " has unmodelled kind " + e.kind());
            assertEquals(e.payload(), LedgerEvent.parse(e).canonicalJson());
            kinds.add(e.kind());
        }
        assertTrue(kinds.containsAll(Set.of("panel", "vote_settings", "sweep", "delegation", "phase", "ballot", "ballot_floors", "ballot_approval",
                "ballot_comparison", "ballot_ranking", "tally_details", "tally", "mandate")), kinds.toString());

        // Exported as a bundle, the record verifies offline, and a receipt of every kind is found.
        LedgerFile.write(entries, dir.resolve(LedgerFile.NAME));
        Verdict bundle = BundleVerifier.verify(dir, null);
        assertTrue(bundle.passed(), () -> String.join("\n", BundleVerifier.lines(bundle)));
        receipts.forEach((kind, receipt) -> {
            Check line = BundleVerifier.verify(entries, receipt).checks().getLast();
            assertTrue(line.passed() && line.detail().startsWith(kind + " ballot " + receipt) && line.detail().contains("the version that counts"), line.line());
        });
        assertTrue(BundleVerifier.verify(entries, receipts.get("weights")).checks().getLast().detail().contains("inclusion proof"));

        // One changed byte in any of these entries: the chain breaks there; re-chaining everything after it
        // still leaves a ballot whose receipt or a tally whose recount disagrees.
        for (LedgerEntry e : ours) {
            int i = Math.toIntExact(e.seq());
            String mutated = flipOneByte(e.payload());
            List<LedgerEntry> tampered = new ArrayList<>(entries);
            tampered.set(i, new LedgerEntry(e.seq(), e.kind(), mutated, e.prevHash(), e.hash()));
            Verdict v = BundleVerifier.verify(tampered, null);
            assertFalse(v.checks().getFirst().passed(), "entry " + i + " (" + e.kind() + ") altered in place: " + v.checks().getFirst().line());
            if (LedgerEvent.parse(e) instanceof BallotEntry) {
                Verdict r = BundleVerifier.verify(rechained(entries, i, mutated), null);
                assertTrue(r.checks().getFirst().passed());
                assertFalse(r.passed(), "a re-chained change of " + e.kind() + " entry " + i + " is caught");
            }
        }
        // and in the exported file
        byte[] file = Files.readAllBytes(dir.resolve(LedgerFile.NAME));
        String text = new String(file, StandardCharsets.UTF_8);
        int at = text.indexOf("\"seq\":" + ours.get(ours.size() / 2).seq());
        file[at - 10] ^= 1;
        Files.write(dir.resolve(LedgerFile.NAME), file);
        assertFalse(BundleVerifier.verify(dir, null).passed());
    }

    /** Changes one character of the payload's first value (a digit, letter or quote-enclosed character). */
    private static String flipOneByte(String payload) {
        int at = payload.indexOf(':') + 2;
        char c = payload.charAt(at);
        char d = Character.isDigit(c) ? (char) ('0' + (c - '0' + 1) % 10) : c == 'z' ? 'y' : (char) (c + 1);
        return payload.substring(0, at) + d + payload.substring(at + 1);
    }

    private static List<LedgerEntry> rechained(List<LedgerEntry> entries, int index, String payload) {
        List<LedgerEntry> out = new ArrayList<>();
        LedgerEntry prev = null;
        for (int j = 0; j < entries.size(); j++) {
            LedgerEntry next = HashChain.next(prev, entries.get(j).kind(), j == index ? payload : entries.get(j).payload());
            out.add(next);
            prev = next;
        }
        return out;
    }
}
