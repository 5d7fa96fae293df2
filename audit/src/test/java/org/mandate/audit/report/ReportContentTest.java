package org.mandate.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.Personalisation;
import org.w3c.dom.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sections a full report adds: intervals, rules and their votes, common ground, timeline, selection, datasheet, bounds, checkpoint. */
class ReportContentTest {

    static String section(String html, String id) {
        int start = html.indexOf("<section aria-labelledby=\"" + id + "\">");
        assertTrue(start >= 0, "section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void everyNewSectionCarriesItsFactsInBothPagesAndTheJson(@TempDir Path dir) throws Exception {
        WrittenReport w = ReportWriter.write(ReportFixtures.full("Full"), dir);
        String html = Files.readString(w.indexHtml()), fr = Files.readString(w.indexFrHtml());
        JsonNode json = new ObjectMapper().readTree(Files.readString(w.reportJson()));
        Set<ValidationMessage> errors = ReportSchemaTest.validate(json);
        assertTrue(errors.isEmpty(), errors::toString);

        // (a) weights with intervals, in the table, the chart and the JSON
        String mandate = section(html, "mandate");
        assertTrue(mandate.contains("41.0 % – 58.0 %"), "relevance interval");
        Matcher svg = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(mandate);
        assertTrue(svg.find(), "the weights chart");
        Document chart = SvgBarChartTest.parseXml(svg.group());
        var lines = chart.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line");
        int whiskers = 0;
        for (int i = 0; i < lines.getLength(); i++) if ("2.5".equals(((org.w3c.dom.Element) lines.item(i)).getAttribute("stroke-width"))) whiskers++;
        assertEquals(3 * 3, whiskers, "a whisker and two caps per objective");
        assertEquals(0.41, json.get("objectives").get(0).get("interval").get("lower").asDouble());
        assertEquals(1000, json.get("weight_intervals").get("resamples").asInt());

        // (b) rules with their vote where known
        assertTrue(mandate.contains("75.0 % (3 of 4)"), "the ceiling's vote");
        assertTrue(mandate.contains("100.0 % (4 of 4)"), "the forbidden attribute's vote");
        assertTrue(mandate.contains("vote not recorded"), "gender and the age limit have no recorded vote");
        assertEquals(List.of("ceiling.provider_fairness", "data_use.forbid.age", "data_use.forbid.gender", "data_use.max_interaction_age_days"),
                json.get("rules").findValuesAsText("id"));
        assertTrue(json.get("rules").get(2).get("share").isNull());

        // (c) common ground, escaped, with each group's count
        String bridging = section(html, "bridging");
        assertTrue(bridging.contains("outside the big cities &lt;too&gt;."));
        assertTrue(bridging.contains("2 of 2 agree") && bridging.contains("no vote"), bridging);
        assertEquals(2, json.get("bridging_statements").get(0).get("groups").get(0).get("agree").asInt());

        // (d) timeline from the phase entries; (e) how members were chosen, and turnout
        String timeline = section(html, "timeline");
        assertTrue(timeline.contains("2026-11-19T18:00:00Z") && timeline.contains("2026-11-20T12:00:00Z"));
        assertTrue(timeline.contains("15 h"), "deliberation lasted from 18:00 to 09:30 the next day");
        String panel = section(html, "panel");
        assertTrue(panel.contains("stratified random draw") && panel.contains("region, age band") && panel.contains("adult residents of the Lyon area"));
        assertTrue(panel.contains("75.0 %"), "turnout");
        assertEquals("stratified_sortition", json.get("configuration").get("selection").get("method").asText());

        // (f) the datasheet says what is missing, in red
        String datasheet = section(html, "datasheet");
        assertEquals(4, datasheet.split("<span class=\"bad\">Not declared</span>", -1).length - 1, datasheet);
        assertTrue(datasheet.contains("Genre tags by the broadcaster&#39;s archivists"));
        assertEquals(6, json.get("datasheet").get("declared").asInt());
        assertTrue(json.get("datasheet").get("fields").get("labelling_conditions").isNull());

        // (g) DSA art. 27 in the summary: parameters, reasons, what users can change, the non-profiling option
        String summary = section(html, "summary");
        assertTrue(summary.contains("The main parameters and why they weigh what they weigh"));
        assertTrue(summary.contains("95 % interval 41.0 % – 58.0 %"), summary);
        assertTrue(summary.contains("does not let users change the weights"));
        assertTrue(summary.contains("Not personalised"), "the declared non-profiling option");

        // (h) bounds met or missed
        String results = section(html, "results");
        assertTrue(results.contains("Floors and ceilings: met or missed"));
        assertTrue(results.contains("ceiling (at most)") && results.contains("<span class=\"ok\">met</span>"));
        assertEquals(0.22, json.get("bound_results").get(0).get("achieved").asDouble());

        // (k) the checkpoint, its signers, the Merkle status and the command
        String ledger = section(html, "ledger");
        assertTrue(ledger.contains("mandate.example/panel-7") && ledger.contains("regulator") && ledger.contains("log"));
        assertTrue(ledger.contains(">11<"), "the checkpoint's size");
        assertFalse(ledger.contains("class=\"bad\""), "every Merkle check holds: " + ledger);
        assertTrue(ledger.contains("recomputed from the 3 published ballots"));
        assertTrue(ledger.contains("./mandate verify --bundle bundle --receipt &lt;your receipt&gt;"));
        JsonNode v = json.get("verification");
        assertTrue(v.get("consistent").asBoolean() && v.get("ballots_root_recomputed").asBoolean());
        assertEquals(11, v.get("checkpoint").get("checkpoint").get("size").asInt());
        assertEquals(2, v.get("checkpoint").get("signatures").size());

        // The French page carries the same sections.
        for (String s : List.of("Calendrier", "Là où les groupes s'accordent", "Non déclaré", "Règles approuvées", "Recommandations sans profilage",
                "tirage au sort stratifié", "intervalle à 95 % : 41,0 % – 58,0 %", "Signataires et co-signataires", "respecté")) {
            assertTrue(fr.contains(s), s);
        }
    }

    /** Every run's manifest carries the chart and EASE; the report sets the models beside them, in both pages and the JSON. */
    @Test
    void theModelsAreShownBesideWhatAPractitionerWouldDeployInstead(@TempDir Path dir) throws Exception {
        WrittenReport w = ReportWriter.write(ReportFixtures.input("Baselines"), dir);
        String results = section(Files.readString(w.indexHtml()), "results"), fr = section(Files.readString(w.indexFrHtml()), "results");
        JsonNode json = new ObjectMapper().readTree(Files.readString(w.reportJson()));
        assertTrue(ReportSchemaTest.validate(json).isEmpty());
        assertTrue(results.contains("Compared with what a practitioner would deploy instead"), results);
        assertTrue(fr.contains("Comparé à ce qu'un praticien déploierait à la place"), fr);
        // Relevance row: baseline 0.31, voted 0.29, chart 0.27, EASE 0.34 (Fixtures.manifest), in that column order.
        String table = results.substring(results.indexOf("Compared with what a practitioner"));
        assertTrue(Pattern.compile("<code>ndcg@10</code>[^\\n]*?0\\.3100</td><td class=\"num\">0\\.2900</td><td class=\"num\">0\\.2700</td>"
                + "<td class=\"num\">0\\.3400</td>").matcher(table).find(), table);
        JsonNode b = json.get("practitioner_baselines");
        assertEquals("baseline (relevance only)", b.get("runs").get(0).asText());
        assertEquals("voted mandate", b.get("runs").get(1).asText());
        assertEquals(200.0, b.get("ease_lambda").asDouble());
        JsonNode relevance = b.get("objectives").get(0);
        assertEquals("relevance", relevance.get("objective").asText());
        assertEquals(0.27, relevance.get("most_popular").asDouble());
        assertEquals(0.34, relevance.get("ease").asDouble());
        assertEquals(0.29, relevance.get("values").get(1).asDouble());
    }

    @Test
    void aMandateWithPersonalisationSaysHowFarUsersMayMoveTheWeights(@TempDir Path dir) throws Exception {
        ReportInput full = ReportFixtures.full("Personal");
        var mandate = full.mandate().withPersonalisation(new Personalisation(0.2, Set.of("provider_fairness")));
        ReportInput in = new ReportInput(full.title(), full.generatedAt(), full.panel(), full.tally(), mandate, full.runs(), full.ledger(),
                full.configuration(), full.phases(), full.weightIntervals(), full.ruleVotes(), full.bridging(), full.datasheet(), null,
                full.boundResults(), full.verification());
        WrittenReport w = ReportWriter.write(in, dir);
        String summary = section(Files.readString(w.indexHtml()), "summary");
        assertTrue(summary.contains("at most 20.0 %") && summary.contains("cannot lower the weight of Fair exposure of providers"), summary);
        assertTrue(summary.contains("<span class=\"bad\">Not declared</span>"), "no non-profiling option was declared");
        assertTrue(section(Files.readString(w.indexHtml()), "mandate").contains("Each user may move the weights of their own list by at most 20.0 %"));
        JsonNode json = new ObjectMapper().readTree(Files.readString(w.reportJson()));
        assertEquals(0.2, json.get("user_choice").get("personalisation").get("max_shift").asDouble());
        assertTrue(json.get("user_choice").get("non_profiling_option").isNull());
        Set<ValidationMessage> errors = ReportSchemaTest.validate(json);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void aMissedFloorIsShownAsMissedAndABoundResultMustAgreeWithItsNumbers(@TempDir Path dir) throws Exception {
        ReportInput full = ReportFixtures.full("Missed");
        List<BoundResult> bounds = List.of(new BoundResult("novelty", Bound.Kind.FLOOR, 9.0, 8.9, false));
        ReportInput in = new ReportInput(full.title(), full.generatedAt(), full.panel(), full.tally(), full.mandate(), full.runs(), full.ledger(),
                full.configuration(), full.phases(), full.weightIntervals(), full.ruleVotes(), full.bridging(), full.datasheet(),
                full.nonProfilingOption(), bounds, full.verification());
        String results = section(Files.readString(ReportWriter.write(in, dir).indexHtml()), "results");
        assertTrue(results.contains("floor (at least)") && results.contains("<span class=\"bad\">missed</span>"), results);
        assertThrows(IllegalArgumentException.class, () -> new BoundResult("novelty", Bound.Kind.FLOOR, 9.0, 8.9, true), "8.9 does not meet a floor of 9");
        assertThrows(IllegalArgumentException.class, () -> new RuleVote(5, 4));
    }

    @Test
    void theSchemaRefusesADatasheetWithAnUnknownFieldOrAWrongType(@TempDir Path dir) throws Exception {
        JsonNode good = new ObjectMapper().readTree(Files.readString(ReportWriter.write(ReportFixtures.full("Schema"), dir).reportJson()));
        ObjectNode extra = good.deepCopy();
        ((ObjectNode) extra.get("datasheet").get("fields")).put("mood", "fine");
        assertFalse(ReportSchemaTest.validate(extra).isEmpty());
        ObjectNode wrong = good.deepCopy();
        ((ObjectNode) wrong.get("datasheet").get("fields")).put("synthetic", "maybe");
        assertFalse(ReportSchemaTest.validate(wrong).isEmpty());
        ObjectNode phase = good.deepCopy();
        ((ObjectNode) phase.get("phases").get(0)).put("to", "recess");
        assertFalse(ReportSchemaTest.validate(phase).isEmpty());
    }
}
