package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.SweepFixture;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.deliberation.service.StrataService;
import org.mandate.deliberation.service.StratumMember;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mandate.deliberation.http.ApiClient.assertProblem;

/** Stratified invitations, sweep uploads, trade-off predictions and French problem details over real HTTP and PostgreSQL. */
class StrataSweepApiTest extends EmbeddedApi {

    static final List<String> THREE = List.of("relevance", "novelty", "provider_fairness");

    @Test
    void strataFromCsvReachTheMembersAndTheTurnoutButNoVoterId() {
        PanelSeats p = api.panel(0 + 1, THREE);
        Reply issued = api.post(p.path("/strata"), p.organiser(), Map.of("csv", "region,age_band,count\nNorth,18-34,2\n\"South, coast\",65+,1\n"));
        assertEquals(201, issued.status(), issued.body());
        List<?> invitations = (List<?>) issued.get("invitations");
        assertEquals(3, invitations.size());
        assertEquals(Map.of("region", "South, coast", "age_band", "65+"), ((Map<?, ?>) invitations.get(2)).get("attributes"));
        String[] tokens = new String[3];
        for (int i = 0; i < 3; i++) {
            Reply joined = api.post("/api/join", null, Map.of("token", ((Map<?, ?>) invitations.get(i)).get("token")));
            assertEquals(201, joined.status(), joined.body());
            tokens[i] = (String) joined.get("session_token");
        }
        assertProblem(api.post("/api/join", null, Map.of("token", ((Map<?, ?>) invitations.get(0)).get("token"))), 401, "/problems/unauthorised");
        api.phase(p, "vote");
        assertEquals(201, api.post(p.path("/ballots"), tokens[0], Map.of("points", Map.of("relevance", 50, "novelty", 30, "provider_fairness", 20))).status());

        List<StratumMember> members = new StrataService(jdbi).members(p.id());
        assertEquals(4, members.size(), "three stratified members and the one plain member");
        assertEquals(Set.of("attributes", "hasVoted"), Set.of(java.util.Arrays.stream(StratumMember.class.getRecordComponents()).map(c -> c.getName()).toArray()),
                "the strata view carries no voter id and no ballot");
        assertEquals(1, members.stream().filter(StratumMember::hasVoted).count());

        Reply turnout = api.get(p.path("/strata"), p.organiser());
        assertEquals(200, turnout.status(), turnout.body());
        assertTrue(turnout.body().contains("\"members\":2") && turnout.body().contains("\"voted\":1"), turnout.body());
        assertFalse(turnout.body().contains("v-"), "no pseudonym in the turnout: " + turnout.body());
        assertProblem(api.get(p.path("/strata"), tokens[1]), 403, "/problems/forbidden");
    }

    @Test
    void aMalformedStrataFileCreatesNothingAndNamesTheLine() {
        PanelSeats p = api.panel(1, THREE);
        long invitations = count("invitations"), attributes = count("invitation_attributes");
        Reply r = api.post(p.path("/strata"), p.organiser(), Map.of("csv", "region,count\nNorth,2\nSouth,two\n"));
        assertProblem(r, 422, "/problems/invalid-strata");
        assertTrue(((String) r.get("detail")).startsWith("strata file, line 3: "), r.body());
        assertEquals(invitations, count("invitations"));
        assertEquals(attributes, count("invitation_attributes"));
        Reply fr = api.send("POST", p.path("/strata"), p.organiser(), CanonicalJson.write(Map.of("csv", "region,count\nNorth,2\nSouth,two\n")),
                "Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5");
        assertProblem(fr, 422, "/problems/invalid-strata");
        assertEquals("fichier de strates, ligne 3 : count doit être un nombre entier de 1 à 10000 (reçu : « two »)", fr.get("detail"));
        assertEquals("Fichier de strates invalide", fr.get("title"));
        assertEquals("fr", fr.header("Content-Language"));
    }

    @Test
    void aSweepIsValidatedStoredLedgeredAndPredicts() {
        PanelSeats p = api.panel(1, THREE);
        PanelSeats narrow = api.panel(1, List.of("relevance", "novelty"));
        long sweeps = count("panel_sweeps"), ledger = count("ledger");
        String valid = SweepFixture.json(THREE, 4);

        // refusals first: nothing is stored or ledgered
        assertProblem(api.send("PUT", p.path("/sweep"), p.members()[0], valid), 403, "/problems/forbidden");
        assertProblem(api.send("PUT", p.path("/sweep"), null, valid), 401, "/problems/unauthorised");
        assertProblem(api.send("PUT", p.path("/sweep"), p.organiser(), valid.replace("mandate-sweep/1", "mandate-sweep/9")), 422, "/problems/invalid-sweep");
        String overflow = valid.replaceFirst("\"novelty\":8", "\"novelty\":1e999");
        Reply located = api.send("PUT", p.path("/sweep"), p.organiser(), overflow);
        assertProblem(located, 422, "/problems/invalid-sweep");
        // the detail leads with the JSON path of the fault, in English and in French
        assertEquals("sweep file: points[0].metrics.novelty: not a finite number: Infinity", located.get("detail"));
        assertEquals("fichier de balayage : points[0].metrics.novelty : pas un nombre fini : Infinity",
                api.send("PUT", p.path("/sweep"), p.organiser(), overflow, "Accept-Language", "fr").get("detail"));
        assertProblem(api.send("PUT", p.path("/sweep"), p.organiser(), "{"), 422, "/problems/invalid-sweep");
        assertProblem(api.send("PUT", p.path("/sweep"), p.organiser(), "x".repeat(SweepRoutes.MAX_SWEEP_BYTES + 1)), 413, "/problems/payload-too-large");
        assertProblem(api.send("PUT", narrow.path("/sweep"), narrow.organiser(), valid), 422, "/problems/invalid-sweep");
        assertProblem(api.get(p.path("/tradeoffs?weights=relevance:1"), null), 404, "/problems/no-sweep");
        assertEquals(sweeps, count("panel_sweeps"));
        assertEquals(ledger, count("ledger"), "no refused upload was ledgered");

        Reply up = api.send("PUT", p.path("/sweep"), p.organiser(), valid);
        assertEquals(200, up.status(), up.body());
        String sha = (String) up.get("sha256");
        assertEquals(sweeps + 1, count("panel_sweeps"));
        Map<?, ?> entry = Json.parseObject((String) ((Map<?, ?>) ((List<?>) api.get("/api/ledger", null).get("entries"))
                .get(((Number) up.get("ledger_seq")).intValue())).get("payload"));
        assertEquals(sha, entry.get("sweep_sha256"));
        assertEquals(sha, api.get(p.path("/sweep"), null).get("sha256"));

        Reply exact = api.get(p.path("/tradeoffs?weights=relevance:50,novelty:50&lang=en"), null);
        assertEquals(200, exact.status(), exact.body());
        assertEquals("exact", exact.get("method"));
        assertEquals("relevance \u221212%, novelty +19%, local share 12%", exact.get("summary"));
        Reply between = api.get(p.path("/tradeoffs?weights=relevance:60,novelty:30,provider_fairness:10"), null);
        assertEquals("barycentric", between.get("method"), between.body());
        double relevance = ((Number) ((Map<?, ?>) between.get("metrics")).get("relevance")).doubleValue();
        assertEquals(0.34 - 0.08 * 0.3 - 0.04 * 0.1, relevance, 1e-9);
        Reply fr = api.send("GET", p.path("/tradeoffs?weights=relevance:50,novelty:50"), null, null, "Accept-Language", "fr");
        assertEquals("pertinence \u221212\u00a0%, nouveauté +19\u00a0%, part locale 12\u00a0%", fr.get("summary"));
        for (String bad : List.of("", "relevance", "relevance:-1", "relevance:NaN", "relevance:Infinity", "relevance:1e9999", "coverage:1",
                "relevance:0", "relevance:1,relevance:2", "relevance:1;DROP%20TABLE%20panel_sweeps", "'%20OR%201=1")) {
            assertProblem(api.get(p.path("/tradeoffs?weights=" + bad), null), 422, "/problems/invalid-request");
        }

        // once voting opens the sweep is fixed
        api.phase(p, "vote");
        assertProblem(api.send("PUT", p.path("/sweep"), p.organiser(), valid), 409, "/problems/wrong-phase");
        assertEquals(sweeps + 1, count("panel_sweeps"));
    }

    @Test
    void problemDetailsAreFrenchWhenAskedForAndTheTypeNeverChanges() {
        PanelSeats p = api.panel(1, THREE);
        String[] fr = {"Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8"};
        Reply unauthorised = api.send("GET", "/api/me", "forged", null, fr);
        assertProblem(unauthorised, 401, "/problems/unauthorised");
        assertEquals("le jeton porteur n'est pas valide", unauthorised.get("detail"));
        Reply missing = api.send("GET", "/api/panels/999999", null, null, fr);
        assertProblem(missing, 404, "/problems/not-found");
        assertEquals("il n'existe pas de panel 999999", missing.get("detail"));
        Reply phase = api.send("POST", p.path("/ballots"), p.members()[0], "{\"points\":{\"relevance\":100}}", fr);
        assertProblem(phase, 409, "/problems/wrong-phase");
        assertTrue(((String) phase.get("detail")).startsWith("le panel " + p.id() + " est en phase learn ; "), phase.body());
        Reply malformed = api.send("POST", "/api/join", null, "{", fr);
        assertProblem(malformed, 400, "/problems/malformed-json");
        assertTrue(((String) malformed.get("detail")).startsWith("le corps n'est pas du JSON valide : "), malformed.body());
        Reply english = api.send("GET", "/api/panels/999999", null, null, "Accept-Language", "de, en;q=0.5");
        assertEquals("there is no panel 999999", english.get("detail"));
        assertEquals("en", english.header("Content-Language"));
        // every refusal a French reader meets in a normal session has a translation
        for (String detail : List.of("a bearer token is required", "the invitation is unknown or has already been used",
                "only the organiser of panel 3 may do this", "panel 3 is in phase vote; phases only move forward", "panel 3 is closed",
                "points must add up to 100; they add up to 90.0", "'points' must be an object of numbers", "request bodies are limited to 65536 bytes",
                "sweep file: points[2].weights: the weights sum to 1.25, not 1", "strata file, line 2: the value of region is empty")) {
            assertTrue(ProblemTranslation.isTranslated(detail), detail);
            assertFalse(ProblemTranslation.detail(detail, java.util.Locale.FRENCH).contains("non traduit"), detail);
        }
        Set<String> slugs = new TreeSet<>();
        for (org.mandate.deliberation.service.Refused.Kind k : org.mandate.deliberation.service.Refused.Kind.values()) slugs.add(k.slug());
        for (String slug : slugs) assertFalse(ProblemTranslation.title(slug, "?", java.util.Locale.FRENCH).equals("?"), "French title for " + slug);
    }
}
