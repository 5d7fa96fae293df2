package org.mandate.deliberation.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.http.ApiServer;
import org.mandate.deliberation.http.RateLimiter;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.VoteSettingsService;
import org.mandate.objectives.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organise and vote pages state the panel's personalisation rule (or its absence), in English and French; /openapi.json documents the field. */
class PersonalisationShownTest extends EmbeddedDatabase {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final List<String> MENU = List.of("relevance", "novelty", "provider_fairness");
    private static ApiServer server;

    @BeforeAll
    static void startServer() {
        server = new ApiServer(jdbi, new RateLimiter(10_000, 1_000)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void bothPagesStateTheRuleInTheReadersLanguage() throws Exception {
        CreatedPanel p = new PanelService(jdbi).create("Shown rule", MENU, "mean", false);
        new VoteSettingsService(jdbi).set(p.panel().id(), p.organiserToken(),
                Map.of("kinds", List.of("weights"), "personalisation", Map.of("max_shift", 0.15, "locked", List.of("provider_fairness"))));
        String member = new MemberService(jdbi).join(new MemberService(jdbi).invite(p.panel().id(), p.organiserToken(), 1).getFirst()).token();

        String organise = text(get("/organise", p.organiserToken(), "en"), "dd id=\"panel-personalisation\">");
        assertTrue(organise.contains("at most 15% of the total weight") && organise.contains("No user may lower below the voted weight:"), organise);
        assertTrue(organise.endsWith("voted weight: Fair exposure of providers"), organise);
        String vote = text(get("/panel/vote", member, "fr"), "p class=\"card\" id=\"personalisation\">");
        assertTrue(vote.contains("d'au plus 15\u00a0% du poids total") && vote.contains("Aucun utilisateur ne peut baisser"), vote);
    }

    @Test
    void aPanelWithoutTheRuleSaysNobodyMovesTheWeights() throws Exception {
        CreatedPanel p = new PanelService(jdbi).create("No rule", MENU, "mean", false);
        String organise = text(get("/organise", p.organiserToken(), "fr"), "dd id=\"panel-personalisation\">");
        assertTrue(organise.startsWith("Aucun\u00a0: chaque utilisateur reçoit les poids votés."), organise);
    }

    @Test
    void theOpenApiDocumentListsThePersonalisationField() throws Exception {
        HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<?, ?> post = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) Json.parseObject(doc.body()).get("paths")).get("/api/panels/{id}/vote-settings")).get("post");
        Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) post.get("requestBody")).get("content")).get("application/json")).get("schema");
        assertTrue(((Map<?, ?>) schema.get("properties")).containsKey("personalisation"), schema.toString());
    }

    private static HttpResponse<String> get(String path, String session, String language) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Cookie", WebPages.SESSION_COOKIE + "=" + session).header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    /** The element's text after {@code opening}, up to its closing tag, tags stripped. */
    private static String text(HttpResponse<String> page, String opening) {
        Matcher m = Pattern.compile(Pattern.quote(opening) + "(.*?)</(dd|p)>", Pattern.DOTALL).matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip().replace("&#39;", "'");
    }
}
