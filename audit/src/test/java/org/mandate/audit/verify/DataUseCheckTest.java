package org.mandate.audit.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.KindBallotCast;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.LedgerView;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.ledger.TallyDetails;
import org.mandate.audit.ledger.VoteSettingsFixed;
import org.mandate.audit.report.ApprovedRule;
import org.mandate.audit.report.LedgerSummary;
import org.mandate.audit.report.PanelSummary;
import org.mandate.audit.report.ReportInput;
import org.mandate.audit.report.ReportWriter;
import org.mandate.audit.report.WrittenReport;
import org.mandate.audit.report.RuleVote;
import org.mandate.audit.report.RuleVotes;
import org.mandate.objectives.ballot.ApprovalBallot;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.tally.ApprovalResult;
import org.mandate.objectives.tally.ApprovalRule;
import org.mandate.objectives.tally.IndependentMarketsRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published mandate's data-use rules are the recount of the approval ballots: adopted attribute bans, and
 * the shortest adopted interaction-age limit (every adopted limit holds).
 */
class DataUseCheckTest {

    static final List<String> ITEMS = List.of("no_age", "days_90", "days_30", "days_7");
    /** Five voters' yes (true) / no (false) on each item: no_age 3-2, days_90 4-1, days_30 3-2 (adopted), days_7 1-4 (rejected). */
    static final boolean[][] VOTES = {
            {true, true, true, true},
            {true, true, true, false},
            {true, true, true, false},
            {false, true, false, false},
            {false, false, false, false}};

    static Map<String, Object> settings(boolean approval) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kinds", approval ? List.of("weights", "approval") : List.of("weights"));
        if (approval) {
            s.put("items", List.of(
                    Map.of("id", "no_age", "label", "Never use age", "forbid_attribute", "age"),
                    Map.of("id", "days_90", "label", "Last 90 days only", "max_interaction_age_days", 90),
                    Map.of("id", "days_30", "label", "Last 30 days only", "max_interaction_age_days", 30),
                    Map.of("id", "days_7", "label", "Last 7 days only", "max_interaction_age_days", 7)));
            s.put("quorum", 0.5);
            s.put("majority", 0.5);
        }
        return s;
    }

    /** The approval rule's honest result on {@link #VOTES}, as the tally writes it in its details. */
    static ApprovalResult honestCount() {
        List<ApprovalBallot> ballots = new ArrayList<>();
        for (int v = 0; v < VOTES.length; v++) {
            TreeMap<String, Boolean> votes = new TreeMap<>();
            for (int i = 0; i < ITEMS.size(); i++) votes.put(ITEMS.get(i), VOTES[v][i]);
            ballots.add(new ApprovalBallot("v" + v, votes));
        }
        return new ApprovalRule(0.5, 0.5).tally(ITEMS, 5, ballots);
    }

    /** Settings, five weight and five approval ballots, the details (possibly doctored), the tally, and a mandate with {@code published}. */
    static Ledger ledger(boolean approval, Object recordedApproval, DataUseRules published) {
        Ledger ledger = new Ledger();
        ledger.append(new VoteSettingsFixed(1, settings(approval)));
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        List<BallotCast> cast = new ArrayList<>();
        for (int v = 0; v < VOTES.length; v++) {
            BallotCast b = new BallotCast(1, "v" + v, 1, BundleVerifierTest.weights(50 - 5 * v, 25 + 5 * v, 25), t.plusSeconds(v));
            ledger.append(b);
            cast.add(b);
            if (approval) {
                Map<String, Object> votes = new TreeMap<>();
                for (int i = 0; i < ITEMS.size(); i++) votes.put(ITEMS.get(i), VOTES[v][i]);
                ledger.append(new KindBallotCast(1, "v" + v, 1, "approval", votes, t.plusSeconds(10 + v)));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("delegation", Map.of());
        if (recordedApproval != null) details.put("approval", recordedApproval);
        ledger.append(new TallyDetails(1, details));
        TallyRecord tally = Tally.run(cast.stream().map(b -> new WeightBallot(b.voter(), new TreeMap<>(b.weights()))).toList(),
                BundleVerifierTest.MENU, new IndependentMarketsRule());
        ledger.append(TallyComputed.of(1, tally, cast));
        ledger.append(new MandatePublished(1, Mandate.fromTally(tally, List.of(), published, null, "panel 1")));
        return ledger;
    }

    static Verdict verify(Ledger ledger, Path dir) {
        return PersonalisationCheckTest.verifyBundle(ledger, dir);
    }

    @Test
    void theShortestAdoptedAgeLimitAndTheAdoptedBanPass(@TempDir Path dir) {
        Verdict v = verify(ledger(true, honestCount().toJsonValue(), new DataUseRules(List.of("age"), 30)), dir);
        assertTrue(v.passed(), () -> String.join("\n", BundleVerifier.lines(v)));
        Check line = RecordChecksTest.line(v, "data use of panel 1");
        assertTrue(line.detail().contains("[age] forbidden") && line.detail().contains("last 30 days")
                && line.detail().contains("recounted from 5 approval ballots"), line.line());
    }

    @Test
    void aDoctoredMandateWithALongerAgeLimitFails(@TempDir Path dir) {
        // 90 days was adopted too, but the shorter 30-day limit also holds: publishing 90 widens what the trainer may read.
        Verdict v = verify(ledger(true, honestCount().toJsonValue(), new DataUseRules(List.of("age"), 90)), dir);
        Check line = RecordChecksTest.line(v, "data use of panel 1");
        assertFalse(line.passed(), line.line());
        assertTrue(line.detail().contains("the mandate says attributes [age] forbidden, interactions of the last 90 days only")
                && line.detail().contains("gives attributes [age] forbidden, interactions of the last 30 days only"), line.line());
        assertEquals(1, v.failures().size(), () -> String.join("\n", BundleVerifier.lines(v)));
    }

    @Test
    void aDoctoredMandateThatDropsTheAgeLimitFails(@TempDir Path dir) {
        Verdict v = verify(ledger(true, honestCount().toJsonValue(), new DataUseRules(List.of("age"), null)), dir);
        Check line = RecordChecksTest.line(v, "data use of panel 1");
        assertFalse(line.passed(), line.line());
        assertTrue(line.detail().contains("no interaction-age limit"), line.line());
    }

    @Test
    void aRejectedLimitCannotBeSlippedInThroughTheDetails(@TempDir Path dir) {
        // The details claim the 7-day limit passed and the mandate follows them: the recount of the ballots says otherwise.
        @SuppressWarnings("unchecked")
        Map<String, Object> doctored = new LinkedHashMap<>((Map<String, Object>) honestCount().toJsonValue());
        List<Object> items = new ArrayList<>();
        for (Object o : (List<?>) doctored.get("items")) {
            @SuppressWarnings("unchecked") Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) o);
            if (item.get("item").equals("days_7")) item.put("passed", true);
            items.add(item);
        }
        doctored.put("items", items);
        Verdict v = verify(ledger(true, doctored, new DataUseRules(List.of("age"), 7)), dir);
        Check line = RecordChecksTest.line(v, "data use of panel 1");
        assertFalse(line.passed(), line.line());
        assertTrue(line.detail().contains("item 'days_7' has 1.0 yes, 4.0 no, not adopted"), line.line());
    }

    @Test
    void aPanelThatVotedNoDataUseRuleCannotPublishOne(@TempDir Path dir) {
        Verdict v = verify(ledger(false, null, new DataUseRules(List.of(), 30)), dir);
        Check line = RecordChecksTest.line(v, "data use of panel 1");
        assertFalse(line.passed(), line.line());
        assertTrue(line.detail().contains("the vote settings put no data-use rule to approval gives no data-use rule"), line.line());
        Verdict none = verify(ledger(false, null, DataUseRules.NONE), dir.resolve("none"));
        assertTrue(none.passed(), () -> String.join("\n", BundleVerifier.lines(none)));
    }

    @Test
    void theReportShowsTheAdoptedLimitWithTheVoteOfTheItemThatSetIt(@TempDir Path dir) throws Exception {
        Ledger ledger = ledger(true, honestCount().toJsonValue(), new DataUseRules(List.of("age"), 30));
        Map<String, RuleVote> votes = RuleVotes.of(LedgerView.of(ledger.entries()), 1);
        // days_30 (3 yes, 2 no) set the limit, not days_90 (4-1), which was adopted but does not bind.
        assertEquals(new RuleVote(3, 5), votes.get("data_use.max_interaction_age_days"));
        assertEquals(new RuleVote(3, 5), votes.get("data_use.forbid.age"));
        Mandate mandate = Mandate.fromTally(Tally.run(List.of(new WeightBallot("v", BundleVerifierTest.weights(50, 25, 25))),
                BundleVerifierTest.MENU, new IndependentMarketsRule()), List.of(), new DataUseRules(List.of("age"), 30), null, "panel 1");
        ApprovedRule age = ApprovedRule.of(mandate, votes).stream().filter(r -> r.id().equals("data_use.max_interaction_age_days")).findFirst().orElseThrow();
        assertEquals("Only interactions from the last 30 days are used", age.text(false));
        assertEquals("Seules les interactions des 30 derniers jours sont utilisées", age.text(true));
        assertEquals(0.6, age.vote().share(), 1e-12);

        // The written report's "rules approved" table shows the limit with that share, in both languages.
        TallyRecord tally = Tally.run(List.of(new WeightBallot("v", BundleVerifierTest.weights(50, 25, 25))), BundleVerifierTest.MENU, new IndependentMarketsRule());
        ReportInput in = new ReportInput("Age limit", Instant.parse("2026-11-23T12:00:00Z"), new PanelSummary("Panel 1", 5, 5, "independent_markets", "-"),
                tally, mandate, List.of(), new LedgerSummary(ledger.size(), null, true, ""), null, List.of(), null, votes, List.of(), null, null, List.of(), null);
        WrittenReport written = ReportWriter.write(in, dir);
        String en = Files.readString(written.indexHtml()), fr = Files.readString(written.indexFrHtml());
        assertTrue(en.matches("(?s).*<th scope=\"row\">Only interactions from the last 30 days are used</th><td>[^<]*</td><td class=\"num\">60[^<(]*%[^<(]*\\(3 of 5\\)</td>.*"), en);
        assertTrue(fr.matches("(?s).*<th scope=\"row\">Seules les interactions des 30 derniers jours sont utilisées</th><td>[^<]*</td><td class=\"num\">60[^<(]*%[^<(]*\\(3 sur 5\\)</td>.*"), fr);
    }
}
