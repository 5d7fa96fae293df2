package org.mandate.audit.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.ledger.VoteSettingsFixed;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Personalisation;
import org.mandate.objectives.tally.IndependentMarketsRule;
import org.mandate.objectives.tally.Tally;
import org.mandate.objectives.tally.TallyRecord;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published mandate's personalisation rule is the one fixed with the vote settings before voting. */
class PersonalisationCheckTest {

    static final Personalisation FIXED = new Personalisation(0.15, Set.of("provider_fairness"));

    /** Vote settings (with {@code fixed}, when given), five ballots, the tally, and a mandate carrying {@code published}. */
    static Ledger ledger(boolean withSettings, Personalisation fixed, Personalisation published) {
        Ledger ledger = new Ledger();
        if (withSettings) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("kinds", List.of("weights"));
            if (fixed != null) settings.put("personalisation", Map.of("max_shift", fixed.maxShift(), "locked", List.copyOf(fixed.locked())));
            ledger.append(new VoteSettingsFixed(1, settings));
        }
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        List<BallotCast> cast = new ArrayList<>();
        for (int v = 0; v < 5; v++) {
            BallotCast b = new BallotCast(1, "v" + v, 1, BundleVerifierTest.weights(50 - 5 * v, 25 + 5 * v, 25), t.plusSeconds(v));
            ledger.append(b);
            cast.add(b);
        }
        TallyRecord tally = Tally.run(cast.stream().map(b -> new WeightBallot(b.voter(), new TreeMap<>(b.weights()))).toList(),
                BundleVerifierTest.MENU, new IndependentMarketsRule());
        ledger.append(TallyComputed.of(1, tally, cast));
        ledger.append(new MandatePublished(1, Mandate.fromTally(tally, List.of(), DataUseRules.NONE, null, "panel 1").withPersonalisation(published)));
        return ledger;
    }

    static Verdict verifyBundle(Ledger ledger, Path dir) {
        LedgerFile.write(ledger.entries(), dir.resolve(LedgerFile.NAME));
        return BundleVerifier.verify(dir, null);
    }

    @Test
    void aMandateWithTheFixedRulePasses(@TempDir Path dir) {
        Verdict v = verifyBundle(ledger(true, FIXED, FIXED), dir);
        assertTrue(v.passed(), () -> String.join("\n", BundleVerifier.lines(v)));
        Check line = RecordChecksTest.line(v, "personalisation of panel 1");
        assertTrue(line.detail().contains("0.15") && line.detail().contains("provider_fairness"), line.line());
    }

    @Test
    void noRuleOnEitherSidePasses(@TempDir Path dir) {
        Verdict v = verifyBundle(ledger(true, null, null), dir);
        assertTrue(v.passed(), () -> String.join("\n", BundleVerifier.lines(v)));
        assertTrue(RecordChecksTest.line(v, "personalisation of panel 1").detail().contains("no personal weights"));
    }

    @Test
    void aDoctoredBundleThatWidensTheShiftFails(@TempDir Path dir) {
        Verdict v = verifyBundle(ledger(true, FIXED, new Personalisation(0.5, Set.of("provider_fairness"))), dir);
        assertFalse(v.passed());
        Check line = RecordChecksTest.line(v, "personalisation of panel 1");
        assertFalse(line.passed());
        assertTrue(line.detail().contains("the mandate allows personal shifts up to 0.5")
                && line.detail().contains("the vote settings fixed before voting allow personal shifts up to 0.15"), line.line());
        assertTrue(v.failures().size() == 1, () -> String.join("\n", BundleVerifier.lines(v)));
    }

    @Test
    void aDoctoredBundleThatUnlocksAnObjectiveFails(@TempDir Path dir) {
        Verdict v = verifyBundle(ledger(true, FIXED, new Personalisation(0.15, Set.of())), dir);
        Check line = RecordChecksTest.line(v, "personalisation of panel 1");
        assertFalse(line.passed(), line.line());
        assertTrue(line.detail().contains("[provider_fairness] locked"), line.line());
    }

    @Test
    void aRuleThatNoVoteSettingsFixedFails(@TempDir Path dir) {
        Verdict v = verifyBundle(ledger(false, null, FIXED), dir);
        Check line = RecordChecksTest.line(v, "personalisation of panel 1");
        assertFalse(line.passed(), line.line());
        assertTrue(line.detail().contains("the record fixed no vote settings for this panel"), line.line());
    }
}
