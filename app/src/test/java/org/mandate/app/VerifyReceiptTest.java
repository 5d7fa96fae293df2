package org.mandate.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.KindBallotCast;
import org.mandate.audit.ledger.Ledger;
import org.mandate.audit.ledger.MemberSelection;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.audit.ledger.VoteSettingsFixed;
import org.mandate.audit.verify.LedgerFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mandate verify --receipt} finds ballots of kinds other than weights in an exported bundle. */
class VerifyReceiptTest {

    @Test
    void aRankingReceiptIsFoundAndAnUnknownOneIsNot(@TempDir Path bundle) {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        Ledger ledger = new Ledger();
        ledger.append(new PanelConfigured(3, "Ranked", List.of("relevance", "novelty"), List.of("ranking"), "mean", 1, Map.of(), false,
                List.of("learn", "vote", "closed"), MemberSelection.undeclared(), t.toString()));
        ledger.append(new VoteSettingsFixed(3, Map.of("kinds", List.of("ranking"), "status_quo", "today", "proposals", List.of(
                Map.of("id", "today", "label", "Today", "weights", Map.of("relevance", 1.0))))));
        ledger.append(new PhaseChanged(3, "learn", "vote", t.plusSeconds(5)));
        KindBallotCast ranking = new KindBallotCast(3, "v-r1", 1, "ranking", List.of(List.of("today")), t.plusSeconds(10));
        ledger.append(ranking);
        LedgerFile.write(ledger.entries(), bundle.resolve(LedgerFile.NAME));

        MainTest.Outcome found = MainTest.run("verify", "--bundle", bundle.toString(), "--receipt", ranking.receipt());
        assertEquals(0, found.code(), found.out() + found.err());
        assertTrue(found.out().contains("PASS receipt: ranking ballot " + ranking.receipt()), found.out());
        MainTest.Outcome missing = MainTest.run("verify", "--bundle", bundle.toString(), "--receipt", "0".repeat(64));
        assertEquals(1, missing.code(), missing.out());
        assertTrue(missing.out().contains("FAIL receipt: no published ballot of any kind"), missing.out());
    }
}
