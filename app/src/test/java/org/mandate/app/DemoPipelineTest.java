package org.mandate.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.audit.ledger.StatementModerated;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.verify.BundleVerifier;
import org.mandate.audit.verify.LedgerFile;
import org.mandate.deliberation.db.Database;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.catalogue.Novelty;
import org.mandate.objectives.catalogue.ProviderFairness;
import org.mandate.objectives.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole demo at reduced size against the embedded PostgreSQL: real ballots through the services,
 * real DL4J training, the real ledger and report. One run serves every assertion (it is the slow part).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class DemoPipelineTest {

    @TempDir
    static Path dir;

    Database db;
    DemoPipeline.Result result;
    String printed;

    @BeforeAll
    void runDemo() {
        db = Database.embedded(dir.resolve("pg"));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DemoConfig config = new DemoConfig(dir.resolve("out"), 60, 900, 400, 8, 3, "independent_markets", 7);
        result = new DemoPipeline(db, config, new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void everyBallotIsCountedAndTheMandateComesFromTheTally() {
        int voters = SyntheticPanel.generate(60, 7).voters();
        assertTrue(voters < 60 && voters > 40, "some members abstain: " + voters);
        assertEquals(voters, result.tally().tally().ballotCount());
        assertEquals(result.tally().tally().sha256(), result.tally().mandate().provenance().tallyHash());
        assertTrue(result.tally().mandate().weight(Novelty.ID) > 0.1, "the discovery group is heard");
        assertTrue(result.tally().mandate().weight(ProviderFairness.ID) > 0.1, "the fair-share group is heard");
    }

    @Test
    void theVotedModelMovesEachMetricTheWayItsWeightAsks() {
        double noveltyBefore = result.baseline().evaluation().value(Novelty.ID);
        double noveltyAfter = result.voted().evaluation().value(Novelty.ID);
        double distanceBefore = result.baseline().evaluation().value(ProviderFairness.ID);
        double distanceAfter = result.voted().evaluation().value(ProviderFairness.ID);
        assertTrue(noveltyAfter > noveltyBefore, "novelty " + noveltyBefore + " -> " + noveltyAfter);
        assertTrue(distanceAfter < distanceBefore, "exposure distance " + distanceBefore + " -> " + distanceAfter);
    }

    @Test
    void theExportedBundleVerifiesOfflineAndTheReportIsWritten() throws Exception {
        assertTrue(result.verdict().passed(), () -> String.join("\n", BundleVerifier.lines(result.verdict())));
        String html = Files.readString(result.report().indexHtml());
        assertTrue(html.contains("<svg"), "the report has a chart");
        assertTrue(html.contains("provider_fairness") || html.contains("Fair exposure"));
        assertTrue(printed.contains("[10/10] Ledger, report and offline verification"), printed);
        assertFalse(printed.contains("[11/"), "every step is counted");
        assertTrue(printed.contains("PASS tally of panel"), printed);
        assertTrue(result.verdict().checks().stream().anyMatch(c -> c.passed() && c.name().equals("re-evaluation of runs/voted")),
                "the published model is re-run on the published evaluation data");
    }

    @Test
    void aDoctoredEvaluationDataFileIsCaughtByReRunningTheModels() throws Exception {
        Path copy = dir.resolve("doctored");
        try (var files = Files.walk(result.bundle())) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(result.bundle().relativize(from).toString());
                if (Files.isDirectory(from)) Files.createDirectories(to); else Files.copy(from, to);
            }
        }
        Path data = copy.resolve(EvaluationDataFile.NAME);
        // Claim that the first held-out user watched what the second did: the recorded NDCG no longer follows.
        var json = org.mandate.objectives.json.Json.parseObject(Files.readString(data));
        var users = (java.util.List<Object>) json.get("users");
        ((java.util.Map<String, Object>) users.get(0)).put("held_out", ((java.util.Map<?, ?>) users.get(1)).get("held_out"));
        Files.writeString(data, org.mandate.objectives.json.CanonicalJson.write(json));
        var verdict = BundleCheck.run(copy, null, org.mandate.audit.verify.VerifyOptions.NONE);
        assertFalse(verdict.passed());
        assertTrue(verdict.failures().stream().allMatch(c -> c.name().startsWith("re-evaluation")), () -> BundleVerifier.lines(verdict).toString());
    }

    @Test
    void flippingOneByteOfAStoredEntryMakesVerificationFail() throws Exception {
        LedgerStore ledger = new LedgerStore(db.jdbi());
        assertTrue(ledger.verify().ok());
        long seq = result.tally().tallyEntry().seq();
        // An attacker with database superuser rights bypasses the append-only triggers ...
        db.jdbi().useHandle(h -> {
            h.execute("ALTER TABLE ledger DISABLE TRIGGER ALL");
            h.execute("UPDATE ledger SET payload = overlay(payload placing chr(ascii(substr(payload, 20, 1)) # 1) from 20 for 1) WHERE seq = ?", seq);
            h.execute("ALTER TABLE ledger ENABLE TRIGGER ALL");
        });
        // ... and the chain names the entry they touched, in the database and in a fresh export.
        ChainVerification broken = ledger.verify();
        assertFalse(broken.ok());
        assertEquals(seq, broken.firstBadSeq());
        Path bundle = dir.resolve("tampered");
        LedgerFile.write(ledger.entries(), bundle.resolve(LedgerFile.NAME));
        assertFalse(BundleVerifier.verify(bundle, null).passed());
    }

    private long demoPanel() {
        return result.tally().panelId();
    }

    @Test
    void theRecordHoldsThePanelsConfigurationPhasesAndModeration() throws Exception {
        // The exported ledger, not the database: another test here tampers with the stored entries.
        List<LedgerEvent> events = LedgerFile.read(result.bundle().resolve(LedgerFile.NAME)).stream().filter(e -> LedgerEvent.isModelled(e.kind()))
                .map(LedgerEvent::parse).toList();
        PanelConfigured config = events.stream().filter(e -> e instanceof PanelConfigured c && c.panelId() == demoPanel())
                .map(e -> (PanelConfigured) e).findFirst().orElseThrow();
        assertEquals(DemoPipeline.MENU, config.menu());
        assertEquals("independent_markets", config.rule());
        assertEquals("sortition", config.selection().method());
        List<String> phases = events.stream().filter(e -> e instanceof PhaseChanged p && p.panelId() == demoPanel()).map(e -> ((PhaseChanged) e).to()).toList();
        assertEquals(List.of("deliberate", "vote", "closed"), phases);
        StatementModerated hidden = events.stream().filter(e -> e instanceof StatementModerated m && m.panelId() == demoPanel())
                .map(e -> (StatementModerated) e).findFirst().orElseThrow();
        assertEquals("organiser", hidden.byRole());
        assertEquals(SyntheticStatements.HIDDEN_REASON, hidden.reason());
        TallyComputed tally = events.stream().filter(e -> e instanceof TallyComputed t && t.panelId() == demoPanel()).map(e -> (TallyComputed) e)
                .findFirst().orElseThrow();
        assertTrue(tally.ballotsRoot() != null && tally.ballotsRoot().matches("[0-9a-f]{64}"), "the tally carries the Merkle root of its ballots");
        assertTrue(result.verdict().checks().stream().anyMatch(c -> c.passed() && c.name().equals("phases of panel " + demoPanel())),
                () -> String.join("\n", BundleVerifier.lines(result.verdict())));
        assertTrue(result.verdict().checks().stream().anyMatch(c -> c.passed() && c.name().startsWith("tally of panel " + demoPanel())
                && c.detail().contains("Merkle root of the counted ballots")));
        assertTrue(printed.contains("deliberation: 7 statements"), printed);
    }

    @Test
    void theReportCarriesEveryNewSectionFromTheRealPipeline() throws Exception {
        Map<String, Object> json = Json.parseObject(Files.readString(result.report().reportJson()));
        Map<?, ?> config = (Map<?, ?>) json.get("configuration");
        assertEquals(demoPanel(), ((Number) config.get("panel")).longValue());
        assertEquals(3, ((List<?>) json.get("phases")).size());
        Map<?, ?> ci = (Map<?, ?>) json.get("weight_intervals");
        for (String id : DemoPipeline.MENU) {
            double w = result.tally().tally().weights().get(id);
            double lo = ((Number) ((Map<?, ?>) ci.get("lower")).get(id)).doubleValue(), up = ((Number) ((Map<?, ?>) ci.get("upper")).get(id)).doubleValue();
            assertTrue(lo <= w + 1e-9 && w <= up + 1e-9 && up - lo < 0.5, id + ": " + lo + " <= " + w + " <= " + up);
        }
        List<?> bridging = (List<?>) json.get("bridging_statements");
        assertFalse(bridging.isEmpty(), "the deliberation found common ground");
        assertTrue(((List<?>) ((Map<?, ?>) bridging.getFirst()).get("groups")).size() >= 2, "agreement is shown per opinion group");
        assertFalse(((String) ((Map<?, ?>) bridging.getFirst()).get("text")).contains("idiots"), "the hidden statement is not common ground");
        Map<?, ?> datasheet = (Map<?, ?>) json.get("datasheet");
        assertEquals(true, ((Map<?, ?>) datasheet.get("fields")).get("synthetic"));
        assertEquals(10L, datasheet.get("declared"));
        List<?> strata = (List<?>) json.get("strata");
        assertEquals(3, strata.size());
        // Turnout by age band is read back from the strata stored with the members' seats.
        Map<?, ?> byAge = (Map<?, ?>) strata.getFirst();
        assertEquals("age band", byAge.get("row_dimension"));
        for (Object row : (List<?>) byAge.get("rows")) assertTrue(SyntheticPanel.AGE_BANDS.contains(((Map<?, ?>) row).get("stratum")), row.toString());
        Object votedTotal = ((Map<?, ?>) byAge.get("column_totals")).get("voted");
        assertTrue(votedTotal == null || ((Number) votedTotal).intValue() == result.tally().tally().ballotCount(), "voters in the table: " + votedTotal);
        Map<?, ?> verification = (Map<?, ?>) json.get("verification");
        assertEquals(true, verification.get("consistent"));
        assertEquals(true, verification.get("ballots_root_recomputed"));
        assertTrue(((String) verification.get("command")).contains(result.bundle().toString()));
        assertTrue(((String) ((Map<?, ?>) ((Map<?, ?>) verification.get("checkpoint")).get("checkpoint")).get("origin")).equals(DemoPipeline.ORIGIN));
        assertTrue(((String) ((Map<?, ?>) json.get("user_choice")).get("non_profiling_option")).contains("--non-profiling"));

        // The trade-off curve comes from the sweep the organiser uploaded before voting, with the voted model among its points.
        Map<?, ?> tradeOff = (Map<?, ?>) json.get("trade_off");
        List<?> points = (List<?>) tradeOff.get("points");
        assertEquals(result.sweep().points().size(), points.size());
        assertTrue(points.size() >= 4, "lattice points: " + points.size());
        Map<?, ?> voted = (Map<?, ?>) tradeOff.get("voted");
        assertEquals(DemoPipeline.VOTED, voted.get("label"));
        assertEquals(result.voted().evaluation().value(DemoPipeline.CURVE_Y), ((Number) voted.get("y")).doubleValue(), 1e-12);
        assertEquals(result.sweep().points().getFirst().metrics().get(DemoPipeline.CURVE_X), ((Number) ((Map<?, ?>) points.getFirst()).get("x")).doubleValue(), 1e-12);
        assertEquals("ndcg@10", ((Map<?, ?>) tradeOff.get("x")).get("metric"));
        List<?> sweeps = (List<?>) json.get("sweeps");
        assertEquals(1, sweeps.size(), "one upload, before voting opened");
        assertTrue(Files.isRegularFile(dir.resolve("out").resolve(DemoPipeline.SWEEP_FILE)));
        // The personalisation rule fixed with the vote settings is in the mandate, and the report tells users about it.
        var personalisation = result.tally().mandate().personalisation();
        assertEquals(DemoPipeline.MAX_SHIFT, personalisation.maxShift());
        assertEquals(List.copyOf(DemoPipeline.LOCKED), List.copyOf(personalisation.locked()));
        Map<?, ?> choice = (Map<?, ?>) ((Map<?, ?>) json.get("user_choice")).get("personalisation");
        assertEquals(DemoPipeline.MAX_SHIFT, ((Number) choice.get("max_shift")).doubleValue());
        assertEquals(DemoPipeline.LOCKED, choice.get("locked"));
        assertTrue(result.verdict().checks().stream().anyMatch(c -> c.passed() && c.name().startsWith("personalisation of panel " + demoPanel())),
                () -> String.join("\n", BundleVerifier.lines(result.verdict())));
        Map<?, ?> panel = (Map<?, ?>) json.get("panel");
        assertEquals(result.tally().tally().ballotCount(), ((Number) panel.get("ballots")).intValue(), "ballots are read from the record");
        assertEquals((double) result.tally().tally().ballotCount() / 60, ((Number) panel.get("turnout")).doubleValue(), 1e-12);

        String html = Files.readString(result.report().indexHtml());
        assertTrue(html.contains("Where the groups agreed") && html.contains("id=\"weights-chart-title\"") && html.contains("Turnout by age band"));
        assertFalse(html.contains("class=\"bad\">Not declared"), "the demo declares everything");
        assertTrue(Files.readString(result.report().indexFrHtml()).contains("Là où les groupes s'accordent"));
    }
}
