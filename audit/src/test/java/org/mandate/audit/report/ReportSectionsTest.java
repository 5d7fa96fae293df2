package org.mandate.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.objectives.json.Json;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportSectionsTest {

    static TradeOffCurve curve() {
        List<TradeOffCurve.Point> sweep = List.of(
                new TradeOffCurve.Point("novelty 0 %", new TreeMap<>(Map.of("relevance", 1.0)), 7.2, 0.31),
                new TradeOffCurve.Point("novelty 25 %", new TreeMap<>(Map.of("relevance", 0.75, "novelty", 0.25)), 8.1, 0.30),
                new TradeOffCurve.Point("novelty 50 %", new TreeMap<>(Map.of("relevance", 0.5, "novelty", 0.5)), 9.4, 0.26));
        return new TradeOffCurve("novelty", "self_information@10", "relevance", "ndcg@10", sweep,
                new TradeOffCurve.Point("voted mandate", new TreeMap<>(Map.of("relevance", 0.6, "novelty", 0.4)), 8.9, 0.29));
    }

    static StrataTable turnout() {
        SortedMap<String, SortedMap<String, Long>> counts = new TreeMap<>();
        counts.put("18-34", new TreeMap<>(Map.of("voted", 7L, "abstained", 31L)));
        counts.put("35-64", new TreeMap<>(Map.of("voted", 52L, "abstained", 23L)));
        counts.put("65+", new TreeMap<>(Map.of("voted", 61L, "abstained", 44L)));
        return new StrataTable("Turnout by age band", "age band", "ballot", counts);
    }

    @Test
    void sectionsAppearInJsonAndBothPagesAndTheJsonStillMatchesTheSchema(@TempDir Path dir) throws Exception {
        WrittenReport w = ReportWriter.write(ReportFixtures.input("With sections"), new ReportSections(curve(), List.of(turnout())), dir);
        JsonNode json = new ObjectMapper().readTree(Files.readString(w.reportJson()));
        Set<ValidationMessage> errors = ReportSchemaTest.validate(json);
        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals(8.9, json.get("trade_off").get("voted").get("x").asDouble());
        JsonNode row = json.get("strata").get(0).get("rows").get(0);
        assertTrue(row.get("cells").get("voted").isNull(), "7 voters is below the threshold");
        assertTrue(row.get("cells").get("abstained").isNull(), "hidden too, or 38 - 31 gives the 7 away");

        String html = Files.readString(w.indexHtml());
        assertTrue(html.contains("id=\"tradeoff\"") && html.contains("href=\"#tradeoff\""));
        assertTrue(html.contains("id=\"strata\"") && html.contains("&lt;10"));
        assertFalse(Pattern.compile("<td>7</td>|<td>31</td>").matcher(html).find(), "no suppressed count leaks into the page");
        assertTrue(Files.readString(w.indexFrHtml()).contains("Qui a participé"));
        Matcher svg = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(html.substring(html.indexOf("id=\"tradeoff\"")));
        assertTrue(svg.find());
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withoutSectionsTheReportIsByteIdenticalToTheOriginalWriter(@TempDir Path a, @TempDir Path b) throws Exception {
        WrittenReport plain = ReportWriter.write(ReportFixtures.input("Same"), a);
        WrittenReport none = ReportWriter.write(ReportFixtures.input("Same"), ReportSections.NONE, b);
        assertArrayEquals(Files.readAllBytes(plain.reportJson()), Files.readAllBytes(none.reportJson()));
        assertArrayEquals(Files.readAllBytes(plain.indexHtml()), Files.readAllBytes(none.indexHtml()));
        assertFalse(Json.parseObject(Files.readString(plain.reportJson())).containsKey("strata"));
    }
}
