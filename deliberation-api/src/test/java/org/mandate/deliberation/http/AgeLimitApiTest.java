package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.verify.BundleVerifier;
import org.mandate.audit.verify.Check;
import org.mandate.audit.verify.LedgerFile;
import org.mandate.audit.verify.Verdict;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.json.Json;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mandate.deliberation.http.ApiClient.assertProblem;

/**
 * A panel votes interaction-age limits as approval items: each is adopted or not by the approval rule, every
 * adopted limit holds, so the mandate's {@code max_interaction_age_days} is the shortest adopted one, and the
 * exported record verifies with the approval ballots recounted.
 */
class AgeLimitApiTest extends EmbeddedApi {

    static final List<String> MENU = List.of("relevance", "novelty", "provider_fairness");

    private static Map<String, Object> age(String id, Object days) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("label", "Learn only from the last " + days + " days");
        item.put("max_interaction_age_days", days);
        return item;
    }

    private static Map<String, Object> approval(List<Object> items) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kinds", List.of("weights", "approval"));
        s.put("items", items);
        s.put("quorum", 0.5);
        s.put("majority", 0.5);
        return s;
    }

    private static void cast(PanelSeats p, int member, Map<String, Object> body) {
        Reply r = api.post(p.path("/ballots"), p.members()[member], body);
        assertEquals(201, r.status(), r.body());
    }

    /** Five members: everyone casts points; {@code votes[m]} is member m's approval ballot (null: none). */
    private static Map<?, ?> voteAndTally(PanelSeats p, List<Map<String, Object>> votes) {
        api.phase(p, "vote");
        double[][] points = {{60, 20, 20}, {20, 60, 20}, {20, 20, 60}, {40, 40, 20}, {30, 30, 40}};
        for (int m = 0; m < 5; m++) {
            cast(p, m, Map.of("points", Map.of("relevance", points[m][0], "novelty", points[m][1], "provider_fairness", points[m][2])));
            if (votes.get(m) != null) cast(p, m, Map.of("kind", "approval", "votes", votes.get(m)));
        }
        Reply t = api.post(p.path("/tally"), p.organiser(), Map.of());
        assertEquals(200, t.status(), t.body());
        return (Map<?, ?>) ((Map<?, ?>) t.get("mandate")).get("data_use");
    }

    private static Verdict exportAndVerify(Path dir) {
        List<LedgerEntry> entries = new LedgerStore(jdbi).entries();
        LedgerFile.write(entries, dir.resolve(LedgerFile.NAME));
        Verdict v = BundleVerifier.verify(dir, null);
        assertTrue(v.passed(), () -> String.join("\n", BundleVerifier.lines(v)));
        return v;
    }

    private static Check line(Verdict v, long panel) {
        return v.checks().stream().filter(c -> c.name().startsWith("data use of panel " + panel + " ")).findFirst().orElseThrow();
    }

    @Test
    void anAdoptedLimitReachesTheMandateAndTheShortestOfTwoBinds(@TempDir Path dir) {
        PanelSeats p = api.panel("age limits", 5, MENU, "mean", false);
        Reply set = api.post(p.path("/vote-settings"), p.organiser(), approval(List.of(
                Map.of("id", "no_age", "label", "Never use age", "forbid_attribute", "age"),
                age("days_90", 90), age("days_30", 30), age("days_7", 7))));
        assertEquals(201, set.status(), set.body());
        // Fixed before voting and ledgered as the organiser wrote them.
        Map<?, ?> stored = (Map<?, ?>) api.get(p.path("/vote-settings"), null).get("settings");
        assertEquals(90L, ((Map<?, ?>) ((List<?>) stored.get("items")).get(1)).get("max_interaction_age_days"));
        LedgerEntry fixed = new LedgerStore(jdbi).entries().stream().filter(e -> e.kind().equals("vote_settings")).toList().getLast();
        assertTrue(fixed.payload().contains("{\"id\":\"days_30\",\"label\":\"Learn only from the last 30 days\",\"max_interaction_age_days\":30}"), fixed.payload());

        // days_90: 4 yes, 1 no; days_30: 3 yes, 2 no; days_7: 1 yes, 4 no; no_age: 2 yes, 3 no.
        Map<?, ?> dataUse = voteAndTally(p, List.of(
                Map.of("days_90", true, "days_30", true, "days_7", true, "no_age", true),
                Map.of("days_90", true, "days_30", true, "days_7", false, "no_age", true),
                Map.of("days_90", true, "days_30", true, "days_7", false, "no_age", false),
                Map.of("days_90", true, "days_30", false, "days_7", false, "no_age", false),
                Map.of("days_90", false, "days_30", false, "days_7", false, "no_age", false)));
        // Both 90 and 30 days were adopted and both hold: the mandate keeps the last 30 days only.
        assertEquals(30L, dataUse.get("max_interaction_age_days"));
        assertEquals(List.of(), dataUse.get("forbidden_attributes"));

        Verdict v = exportAndVerify(dir);
        Check data = line(v, p.id());
        assertTrue(data.detail().contains("interactions of the last 30 days only") && data.detail().contains("recounted from 5 approval ballots"), data.line());
    }

    @Test
    void aRejectedLimitLeavesTheMandateWithoutAge(@TempDir Path dir) {
        PanelSeats p = api.panel("age rejected", 5, MENU, "mean", false);
        assertEquals(201, api.post(p.path("/vote-settings"), p.organiser(), approval(List.of(age("days_30", 30)))).status());
        java.util.ArrayList<Map<String, Object>> votes = new java.util.ArrayList<>();
        for (int m = 0; m < 5; m++) votes.add(Map.of("days_30", m < 2));
        Map<?, ?> dataUse = voteAndTally(p, votes);
        assertNull(dataUse.get("max_interaction_age_days"));
        Check data = line(exportAndVerify(dir), p.id());
        assertTrue(data.detail().startsWith("no data-use rule"), data.line());
    }

    @Test
    void badLimitsAreRefusedAndStoreNothing() {
        PanelSeats p = api.panel("age refused", 3, MENU, "mean", false);
        long before = count("vote_settings") + count("ledger");
        String head = "{\"kinds\":[\"weights\",\"approval\"],\"items\":[{\"id\":\"a\",\"label\":\"A\",";
        for (String bad : List.of("\"max_interaction_age_days\":0", "\"max_interaction_age_days\":-30", "\"max_interaction_age_days\":30.5",
                "\"max_interaction_age_days\":30.0", "\"max_interaction_age_days\":\"30\"", "\"max_interaction_age_days\":true",
                "\"max_interaction_age_days\":3651", "\"max_interaction_age_days\":1000000000000", "\"max_interaction_age_days\":1e400",
                "\"max_interaction_age_days\":123456789012345678901234567890", "\"max_interaction_age_days\":[30]",
                "\"max_interaction_age_days\":30,\"forbid_attribute\":\"age\"", "\"max_age\":30")) {
            Reply r = api.post(p.path("/vote-settings"), p.organiser(), head + bad + "}]}");
            assertProblem(r, 422, "/problems/invalid-request");
            String detail = (String) r.get("detail");
            assertTrue(detail.contains("max_interaction_age_days") || detail.contains("max_age"), bad + ": " + detail);
        }
        // An item with neither field names both.
        Reply neither = api.post(p.path("/vote-settings"), p.organiser(), head.substring(0, head.length() - 1) + "}]}");
        assertProblem(neither, 422, "/problems/invalid-request");
        assertTrue(((String) neither.get("detail")).contains("exactly one of forbid_attribute"), neither.body());
        assertEquals(before, count("vote_settings") + count("ledger"), "a refused limit leaves no row and no ledger entry");
        for (String english : List.of((String) neither.get("detail"),
                "'items[].max_interaction_age_days' of rule 'a' must be a whole number of days from 1 to 3650, got 30.5")) {
            assertTrue(ProblemTranslation.isTranslated(english), "no French form for: " + english);
        }

        // The bounds themselves are accepted; then the settings are fixed.
        Reply ok = api.post(p.path("/vote-settings"), p.organiser(), approval(List.of(age("one", 1), age("ten_years", 3650))));
        assertEquals(201, ok.status(), ok.body());
        assertEquals(before + 2, count("vote_settings") + count("ledger"));
    }

    @Test
    void theOpenApiDocumentDescribesBothItemKinds() {
        Map<?, ?> post = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) api.get("/openapi.json", null).get("paths")).get("/api/panels/{id}/vote-settings")).get("post");
        Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) post.get("requestBody")).get("content")).get("application/json")).get("schema");
        Map<?, ?> items = (Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get("items");
        List<?> kinds = (List<?>) ((Map<?, ?>) items.get("items")).get("oneOf");
        assertEquals(2, kinds.size(), items.toString());
        Map<?, ?> age = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) kinds.get(1)).get("properties")).get("max_interaction_age_days");
        assertEquals(Map.of("type", "integer", "minimum", 1L, "maximum", 3650L), age);
        assertTrue(((String) items.get("description")).contains("shortest adopted"), items.toString());
    }

    @Test
    void settingsWithoutAgeItemsKeepTheirCanonicalBytes() {
        // What the service wrote before age limits existed, byte for byte: old ledgers still verify and compare equal.
        PanelSeats p = api.panel("old bytes", 2, MENU, "mean", false);
        assertEquals(201, api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("approval", "weights"),
                "items", List.of(Map.of("id", "no_age", "label", "Never use age", "forbid_attribute", "age")), "quorum", 0.5, "majority", 0.5)).status());
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT settings FROM vote_settings WHERE panel_id = :p").bind("p", p.id()).mapTo(String.class).one());
        assertEquals("{\"items\":[{\"forbid_attribute\":\"age\",\"id\":\"no_age\",\"label\":\"Never use age\"}],\"kinds\":[\"weights\",\"approval\"],"
                + "\"majority\":0.5,\"quorum\":0.5}", stored);
        assertEquals(Json.parseObject(stored), ((Map<?, ?>) api.get(p.path("/vote-settings"), null).json().get("settings")));
    }
}
