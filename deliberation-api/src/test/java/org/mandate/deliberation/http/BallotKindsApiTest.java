package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.verify.BundleVerifier;
import org.mandate.audit.verify.Check;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mandate.deliberation.http.ApiClient.assertProblem;

/** Every ballot kind cast over HTTP, refused before any write when wrong, and tallied with its own rule. */
class BallotKindsApiTest extends EmbeddedApi {

    private static PanelSeats panel(int members, List<String> menu, String rule, boolean revision) {
        return api.panel("kinds", members, menu, rule, revision);
    }

    private static Reply cast(PanelSeats p, int member, Map<String, Object> body) {
        return api.post(p.path("/ballots"), p.members()[member], body);
    }

    private static Reply castOk(PanelSeats p, int member, Map<String, Object> body) {
        Reply r = cast(p, member, body);
        assertEquals(201, r.status(), r.body());
        return r;
    }

    private static long rows() {
        return count("ballots") + count("ledger");
    }

    private static Map<String, Object> tally(PanelSeats p) {
        Reply t = api.post(p.path("/tally"), p.organiser(), Map.of());
        assertEquals(200, t.status(), t.body());
        return t.json();
    }

    private static void verifies() {
        List<LedgerEntry> entries = new LedgerStore(jdbi).entries();
        for (Check c : BundleVerifier.verify(entries, null).checks()) assertTrue(c.passed(), c.line());
    }

    @Test
    void weightsFloorsAndApprovalMakeOneMandate() {
        PanelSeats p = panel(5, List.of("relevance", "novelty", "provider_fairness"), "mean", true);
        Map<String, Object> settings = Map.of("kinds", List.of("weights", "floors", "approval"),
                "items", List.of(Map.of("id", "no_age", "label", "Never use age", "forbid_attribute", "age"),
                        Map.of("id", "no_gender", "label", "Never use gender", "forbid_attribute", "gender")),
                "quorum", 0.5, "majority", 0.5);
        Reply set = api.post(p.path("/vote-settings"), p.organiser(), settings);
        assertEquals(201, set.status(), set.body());
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), settings), 409, "/problems/wrong-phase");
        assertEquals(List.of("weights", "floors", "approval"), ((Map<?, ?>) api.get(p.path("/vote-settings"), null).get("settings")).get("kinds"));
        assertProblem(cast(p, 0, Map.of("kind", "floors", "floors", Map.of("novelty", 8.0))), 409, "/problems/wrong-phase");
        api.phase(p, "vote");
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), settings), 409, "/problems/wrong-phase");

        long before = rows();
        assertProblem(cast(p, 0, Map.of("kind", "ranking", "ranking", List.of("a"))), 422, "/problems/invalid-request");
        assertProblem(cast(p, 0, Map.of("kind", "floors", "floors", Map.of("coverage", 0.5))), 422, "/problems/unknown-objective");
        assertProblem(cast(p, 0, Map.of("kind", "floors", "floors", Map.of("novelty", "high"))), 422, "/problems/weight-not-finite");
        assertProblem(cast(p, 0, Map.of("kind", "approval", "votes", Map.of("no_postcode", true))), 422, "/problems/unknown-option");
        assertProblem(cast(p, 0, Map.of("kind", "approval", "votes", Map.of())), 422, "/problems/empty-ballot");
        assertProblem(cast(p, 0, Map.of("kind", "approval", "votes", Map.of("no_age", "yes"))), 422, "/problems/invalid-request");
        assertProblem(cast(p, 0, Map.of("kind", "lottery")), 422, "/problems/invalid-request");
        assertEquals(before, rows(), "a refused ballot leaves no row and no ledger entry");

        double[][] points = {{60, 20, 20}, {20, 60, 20}, {20, 20, 60}, {40, 40, 20}, {30, 30, 40}};
        for (int m = 0; m < 5; m++) {
            castOk(p, m, Map.of("points", Map.of("relevance", points[m][0], "novelty", points[m][1], "provider_fairness", points[m][2])));
        }
        // novelty floors 6, 7, 8 from three of five members: a strict majority, at the 3rd most demanding (6)
        castOk(p, 0, Map.of("kind", "floors", "floors", Map.of("novelty", 9.0)));
        Reply revised = castOk(p, 0, Map.of("kind", "floors", "floors", Map.of("novelty", 8.0)));
        assertEquals(2L, ((Number) revised.get("version")).longValue());
        castOk(p, 1, Map.of("kind", "floors", "floors", Map.of("novelty", 7.0, "provider_fairness", 0.1)));
        castOk(p, 2, Map.of("kind", "floors", "floors", Map.of("novelty", 6.0)));
        castOk(p, 3, Map.of("kind", "floors", "floors", Map.of()));
        // no_age: 3 yes, 1 no -> passes (quorum 4/5 ≥ 0.5); no_gender: 1 yes, 2 no -> fails
        castOk(p, 0, Map.of("kind", "approval", "votes", Map.of("no_age", true, "no_gender", true)));
        castOk(p, 1, Map.of("kind", "approval", "votes", Map.of("no_age", true, "no_gender", false)));
        castOk(p, 2, Map.of("kind", "approval", "votes", Map.of("no_age", true, "no_gender", false)));
        Reply approval = castOk(p, 3, Map.of("kind", "approval", "votes", Map.of("no_age", false)));
        assertEquals("approval", approval.get("kind"));
        Map<String, Object> stored = Json.parseObject((String) approval.get("ballot"));
        assertEquals("approval", stored.get("kind"));
        Reply receipt = api.get("/api/receipts/" + approval.get("receipt"), null);
        assertEquals(200, receipt.status(), receipt.body());
        assertEquals("approval", receipt.get("kind"));
        assertEquals("ballot_approval", ((Map<?, ?>) receipt.get("entry")).get("kind"));

        Map<String, Object> result = tally(p);
        Map<?, ?> mandate = (Map<?, ?>) result.get("mandate");
        assertEquals(List.of(Map.of("objective", "novelty", "kind", "floor", "value", 6L)), mandate.get("bounds"));
        assertEquals(List.of("age"), ((Map<?, ?>) mandate.get("data_use")).get("forbidden_attributes"));
        Map<?, ?> weights = (Map<?, ?>) mandate.get("weights");
        assertEquals(0.34, ((Number) weights.get("relevance")).doubleValue(), 1e-9);
        assertTrue(new LedgerStore(jdbi).entries().stream().anyMatch(e -> e.kind().equals("tally_details")));
        verifies();
    }

    @Test
    void comparisonsAreFittedIntoWeights() {
        PanelSeats p = panel(3, List.of("relevance", "novelty"), "mean", false);
        List<Object> slates = List.of(
                Map.of("id", "s1", "metrics", Map.of("relevance", 0.40, "novelty", 6.0)),
                Map.of("id", "s2", "metrics", Map.of("relevance", 0.30, "novelty", 8.0)),
                Map.of("id", "s3", "metrics", Map.of("relevance", 0.20, "novelty", 10.0)));
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("comparison"),
                "slates", List.of(Map.of("id", "s1", "metrics", Map.of("relevance", 0.4)), slates.get(1)))), 422, "/problems/invalid-request");
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("weights", "comparison"), "slates", slates)),
                422, "/problems/invalid-request");
        assertEquals(201, api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("comparison"), "slates", slates)).status());
        api.phase(p, "vote");

        long before = rows();
        assertProblem(cast(p, 0, Map.of("points", Map.of("relevance", 50, "novelty", 50))), 422, "/problems/invalid-request");
        assertProblem(cast(p, 0, Map.of("kind", "comparison", "comparisons", List.of(Map.of("a", "s1", "b", "s9", "preference", 3)))), 422, "/problems/unknown-option");
        assertProblem(cast(p, 0, Map.of("kind", "comparison", "comparisons", List.of(Map.of("a", "s1", "b", "s2", "preference", 11)))), 422, "/problems/out-of-range");
        assertProblem(cast(p, 0, Map.of("kind", "comparison", "comparisons", List.of(Map.of("a", "s1", "b", "s1", "preference", 1)))), 422, "/problems/duplicate-option");
        assertProblem(cast(p, 0, Map.of("kind", "comparison", "comparisons", List.of())), 422, "/problems/empty-ballot");
        assertEquals(before, rows());

        // two members prefer relevance (the first slate of each pair), one prefers novelty
        for (int m = 0; m < 3; m++) {
            int sign = m < 2 ? -1 : 1;
            castOk(p, m, Map.of("kind", "comparison", "comparisons", List.of(
                    Map.of("a", "s1", "b", "s2", "preference", sign * 8), Map.of("a", "s2", "b", "s3", "preference", sign * 6))));
        }
        assertProblem(cast(p, 0, Map.of("kind", "comparison", "comparisons", List.of(Map.of("a", "s1", "b", "s2", "preference", 0)))), 409, "/problems/already-voted");
        Map<?, ?> weights = (Map<?, ?>) ((Map<?, ?>) tally(p).get("mandate")).get("weights");
        double relevance = ((Number) weights.get("relevance")).doubleValue();
        assertTrue(relevance > 0.5 && relevance < 1, "two of three prefer relevance: " + weights);
        verifies();
    }

    @Test
    void rankedProposalsElectAPackageByTheSchulzeMethod() {
        PanelSeats p = panel(6, List.of("relevance", "novelty"), "mean", false);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("kinds", List.of("ranking"));
        settings.put("proposals", List.of(
                Map.of("id", "today", "label", "Today's recommender", "weights", Map.of("relevance", 1.0)),
                Map.of("id", "balanced", "label", "Balanced", "weights", Map.of("relevance", 0.5, "novelty", 0.5)),
                Map.of("id", "discovery", "label", "Discovery", "weights", Map.of("relevance", 0.2, "novelty", 0.8))));
        settings.put("status_quo", "today");
        assertProblem(api.post(p.path("/vote-settings"), p.organiser(), Map.of("kinds", List.of("ranking"), "proposals",
                List.of(Map.of("id", "x", "label", "X", "weights", Map.of("relevance", 0.7))))), 422, "/problems/invalid-request");
        assertEquals(201, api.post(p.path("/vote-settings"), p.organiser(), settings).status());
        // member 5 does not rank: their vote goes to member 2, whose ranking then counts twice
        String handle2 = (String) ((Map<?, ?>) api.get(p.path("/delegation"), p.members()[2]).get("delegation")).get("handle");
        assertEquals(200, api.post(p.path("/delegation"), p.members()[5], Map.of("delegate", handle2)).status());
        api.phase(p, "vote");

        assertProblem(cast(p, 0, Map.of("kind", "ranking", "ranking", List.of("balanced", "balanced"))), 422, "/problems/duplicate-option");
        assertProblem(cast(p, 0, Map.of("kind", "ranking", "ranking", List.of("nothing"))), 422, "/problems/unknown-option");
        // balanced beats today 4-1 and discovery 3-2: the Condorcet winner
        castOk(p, 0, Map.of("kind", "ranking", "ranking", List.of("balanced", "discovery", "today")));
        castOk(p, 1, Map.of("kind", "ranking", "ranking", List.of("balanced", "today", "discovery")));
        castOk(p, 2, Map.of("kind", "ranking", "ranking", List.of("discovery", "balanced", "today")));
        castOk(p, 3, Map.of("kind", "ranking", "ranking", List.of(List.of("discovery", "balanced"))));
        castOk(p, 4, Map.of("kind", "ranking", "ranking", List.of("today", "balanced")));
        Map<String, Object> result = tally(p);
        Map<?, ?> weights = (Map<?, ?>) ((Map<?, ?>) result.get("mandate")).get("weights");
        assertEquals(Map.of("relevance", 0.5, "novelty", 0.5), weights);
        Map<?, ?> tally = (Map<?, ?>) result.get("tally");
        assertEquals("schulze", tally.get("rule"));
        assertEquals("balanced", ((Map<?, ?>) tally.get("rule_settings")).get("winner"));
        assertEquals(6L, ((Number) tally.get("ballot_count")).longValue(), "member 2's ranking counts for member 5 too");
        verifies();
        assertNull(((Map<?, ?>) ((Map<?, ?>) result.get("mandate")).get("data_use")).get("max_interaction_age_days"));
        assertFalse(((List<?>) ((Map<?, ?>) result.get("mandate")).get("bounds")).size() > 0);
    }
}
