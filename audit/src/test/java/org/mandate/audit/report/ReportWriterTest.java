package org.mandate.audit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.Fixtures;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;
import org.w3c.dom.Document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class ReportWriterTest {

    @TempDir
    Path dir;

    private static final String TITLE = "Report <script>alert('x')</script> & co";

    @Test
    void writesAnHtmlPageWithObjectivesWeightsChartAndEscapedText() throws Exception {
        WrittenReport written = ReportWriter.write(ReportFixtures.input(TITLE), dir);
        assertEquals(dir.resolve("index.html"), written.indexHtml());
        String html = Files.readString(written.indexHtml());

        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertFalse(html.contains("<script"), "the title's markup must be escaped, and the page has no script");
        assertTrue(html.contains("Report &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
        assertTrue(html.contains("Panel 7 &lt;Lyon &amp; Région&gt;"));
        for (String name : List.of("Relevance", "Novelty", "Fair exposure of providers")) assertTrue(html.contains(name), name);
        assertTrue(html.contains("50.0 %") && html.contains("30.0 %") && html.contains("20.0 %"), "weights");
        assertTrue(html.contains("<svg"));
        assertTrue(html.contains("<caption>"));
        assertTrue(html.contains("Digital Services Act"));
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("75.0 %"), "turnout 3 of 4");
        assertTrue(html.contains(Fixtures.mandate().sha256()));
        assertTrue(html.contains("matches the mandate"));
        assertTrue(html.contains("Verified:"));
        assertTrue(html.contains("./mandate verify --bundle bundle"));
        assertTrue(html.contains("0.2900") && html.contains("0.3100"), "metric values of both runs");
        assertTrue(html.contains("cd".repeat(32)), "data hash from the manifest");
        assertTrue(html.contains("Payoff table"));
        assertTrue(html.contains("user_id, item_id, timestamp"));
        assertTrue(html.contains(written.reportSha256()));
        // Self-contained: nothing is loaded from elsewhere (the SVG namespace is an identifier, not a fetch).
        String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(withoutNamespace.contains("http://") || withoutNamespace.contains("https://"));
        assertFalse(html.contains("src=") || html.contains("<link") || html.contains("@import"));
    }

    @Test
    void everySvgInThePageIsWellFormedXml() throws Exception {
        String html = Files.readString(ReportWriter.write(ReportFixtures.input(TITLE), dir).indexHtml());
        Matcher m = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(html);
        int count = 0;
        while (m.find()) {
            Document doc = SvgBarChartTest.parseXml(m.group());
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            assertTrue(doc.getDocumentElement().getTextContent().contains("Novelty"));
            count++;
        }
        assertEquals(1, count, "one comparison, one chart");
    }

    @Test
    void reportJsonIsCanonicalAndCarriesTheNumbers() throws Exception {
        WrittenReport written = ReportWriter.write(ReportFixtures.input(TITLE), dir);
        byte[] bytes = Files.readAllBytes(written.reportJson());
        assertEquals(CanonicalJson.sha256Hex(bytes), written.reportSha256());
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, Object> json = Json.parseObject(text);
        assertEquals(text, CanonicalJson.write(json), "report.json is canonical");

        assertEquals(2L, json.get("schema_version"));
        assertEquals(TITLE, json.get("title"));
        assertEquals("2026-11-23T09:00:00Z", json.get("generated_at"));
        Map<?, ?> panel = (Map<?, ?>) json.get("panel");
        assertEquals(4L, panel.get("members"));
        assertEquals(3L, panel.get("ballots_counted"));
        assertEquals(0.75, panel.get("turnout"));
        assertEquals("mean", panel.get("rule"));

        Map<?, ?> mandate = (Map<?, ?>) json.get("mandate");
        assertEquals(Fixtures.mandate().sha256(), mandate.get("hash"));
        assertEquals(true, mandate.get("tally_hash_matches"));
        assertEquals(0.3, ((Map<?, ?>) ((Map<?, ?>) mandate.get("record")).get("weights")).get("novelty"));
        assertEquals(Fixtures.tally().sha256(), ((Map<?, ?>) json.get("tally")).get("hash"));

        List<?> runs = (List<?>) json.get("runs");
        assertEquals(2, runs.size());
        Map<?, ?> voted = (Map<?, ?>) runs.get(1);
        assertEquals("voted mandate", voted.get("label"));
        assertEquals(true, voted.get("trained_under_mandate"));
        assertEquals(8.9, ((Map<?, ?>) ((Map<?, ?>) voted.get("metrics")).get("novelty")).get("value"));
        assertEquals(42L, ((Map<?, ?>) voted.get("manifest")).get("seed"));
        assertEquals(false, ((Map<?, ?>) runs.get(0)).get("trained_under_mandate"));

        Map<?, ?> comparison = (Map<?, ?>) ((List<?>) json.get("comparisons")).getFirst();
        List<?> rows = (List<?>) comparison.get("objectives");
        Map<?, ?> fairness = (Map<?, ?>) rows.stream().filter(r -> "provider_fairness".equals(((Map<?, ?>) r).get("objective"))).findFirst().orElseThrow();
        assertEquals(0.4, fairness.get("baseline_value"));
        assertEquals(0.22, fairness.get("value"));
        assertEquals("lower", "minimise".equals(fairness.get("direction")) ? "lower" : "higher");
        assertEquals("as_asked", fairness.get("movement"));
        assertEquals(true, ((Map<?, ?>) ((List<?>) fairness.get("bounds")).getFirst()).get("met"));

        Map<?, ?> ledger = (Map<?, ?>) json.get("ledger");
        assertEquals((long) Fixtures.ledger().size(), ledger.get("entries"));
        assertEquals(Fixtures.ledger().head().orElseThrow().hash(), ledger.get("head_hash"));
        assertEquals(true, ledger.get("verified"));
    }

    @Test
    void sameInputGivesTheSameFiles() throws Exception {
        WrittenReport a = ReportWriter.write(ReportFixtures.input(TITLE), dir.resolve("a"));
        WrittenReport b = ReportWriter.write(ReportFixtures.input(TITLE), dir.resolve("b"));
        assertEquals(a.reportSha256(), b.reportSha256());
        assertEquals(Files.readString(a.indexHtml()), Files.readString(b.indexHtml()));
        assertEquals(a.reportSha256(), a.ledgerEvent().reportSha256());
    }

    @Test
    void writesAFrenchTwinPage() throws Exception {
        WrittenReport written = ReportWriter.write(ReportFixtures.input(TITLE), dir);
        assertEquals(dir.resolve("index.fr.html"), written.indexFrHtml());
        String fr = Files.readString(written.indexFrHtml());
        assertTrue(fr.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assertFalse(fr.contains("<script"));
        assertTrue(fr.contains("Report &lt;script&gt;"));
        assertTrue(fr.contains("Nouveauté") && fr.contains("Exposition équitable des producteurs") && fr.contains("Pertinence"));
        assertTrue(fr.contains("50,0 %") && fr.contains("30,0 %"), "French decimal comma");
        assertTrue(fr.contains("Vérifié"));
        assertTrue(fr.contains("href=\"index.html\""), "links to the English version");
        assertTrue(Files.readString(written.indexHtml()).contains("href=\"index.fr.html\""));
        Matcher m = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(fr);
        assertTrue(m.find());
        assertTrue(SvgBarChartTest.parseXml(m.group()).getDocumentElement().getTextContent().contains("Poids dans le mandat"));
    }

    @Test
    void chartHasATextAlternativeWithTheNumbers() throws Exception {
        String html = Files.readString(ReportWriter.write(ReportFixtures.input(TITLE), dir).indexHtml());
        Matcher m = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(html);
        assertTrue(m.find());
        Document svg = SvgBarChartTest.parseXml(m.group());
        String desc = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent();
        assertTrue(desc.contains("Novelty: weight 30.0 %"), desc);
        assertTrue(desc.contains("from 0.4000 to 0.2200, +45.0 % better"), desc);
        assertTrue(html.contains("<figcaption>"));
    }

    @Test
    void pageDoesNotDependOnTheIterationOrderOfTheCallersMaps() throws Exception {
        ReportInput in = ReportFixtures.input(TITLE);
        List<String> pages = new ArrayList<>();
        for (boolean reversed : new boolean[]{false, true}) {
            List<RunSummary> runs = new ArrayList<>();
            for (RunSummary r : in.runs()) {
                List<String> keys = new ArrayList<>(r.manifest().keySet());
                if (reversed) java.util.Collections.reverse(keys);
                Map<String, Object> manifest = new java.util.LinkedHashMap<>();
                for (String k : keys) manifest.put(k, r.manifest().get(k));
                manifest.put("extra_b", 1L);
                manifest.put("extra_a", 2L);
                if (reversed) { manifest.remove("extra_b"); manifest.put("extra_b", 1L); }
                runs.add(new RunSummary(r.label(), r.mandateHash(), r.weights(), r.metrics(), manifest));
            }
            ReportInput variant = new ReportInput(in.title(), in.generatedAt(), in.panel(), in.tally(), in.mandate(), runs, in.ledger());
            pages.add(Files.readString(ReportWriter.write(variant, dir.resolve("v" + reversed)).indexHtml()));
        }
        assertEquals(pages.get(0), pages.get(1));
        assertTrue(pages.get(0).indexOf("extra_a") < pages.get(0).indexOf("extra_b"));
    }

    @Test
    void aBrokenLedgerIsReportedWithItsReason() throws Exception {
        List<LedgerEntry> entries = new ArrayList<>(Fixtures.ledger().entries());
        LedgerEntry e = entries.get(4);
        entries.set(4, new LedgerEntry(e.seq(), e.kind(), e.payload().replace("\"version\":1", "\"version\":3"), e.prevHash(), e.hash()));
        assertNotEquals(e, entries.get(4));
        var v = HashChain.verify(entries);
        assertFalse(v.ok());
        ReportInput broken = ReportFixtures.input(TITLE);
        broken = new ReportInput(broken.title(), broken.generatedAt(), broken.panel(), broken.tally(), broken.mandate(), broken.runs(),
                LedgerSummary.of(v, entries.size()));
        WrittenReport written = ReportWriter.write(broken, dir);
        String html = Files.readString(written.indexHtml());
        assertTrue(html.contains("NOT verified"));
        assertTrue(html.contains("entry 4"), "the reason names the entry");
        Map<?, ?> ledger = (Map<?, ?>) Json.parseObject(Files.readString(written.reportJson())).get("ledger");
        assertEquals(false, ledger.get("verified"));
        assertTrue(((String) ledger.get("message")).contains("altered"));
    }

    @Test
    void aSingleRunReportShowsItsMetricsWithoutAChart() throws Exception {
        ReportInput in = ReportFixtures.input("Baseline only");
        in = new ReportInput(in.title(), in.generatedAt(), in.panel(), in.tally(), in.mandate(), in.runs().subList(0, 1), in.ledger());
        String html = Files.readString(ReportWriter.write(in, dir).indexHtml());
        assertTrue(html.contains("Metrics of baseline (relevance only)"));
        assertFalse(html.contains("<svg"));
    }
}
