package org.mandate.deliberation.web;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.SeatedPanel;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Session;
import org.mandate.deliberation.service.TallyService;
import org.mandate.deliberation.service.VoteSettingsService;
import org.mandate.objectives.json.Json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interaction-age limits on the pages, without JavaScript: the organiser puts them to the vote in the
 * panel-creation form, members see each with what a yes adopts (English and French) and approve or reject it
 * with a plain form post, and the tally carries the adopted limit into the mandate.
 */
class AgeLimitPagesTest extends EmbeddedWeb {

    private static final List<String> MENU = List.of("relevance", "novelty", "provider_fairness");

    @Test
    void membersApproveALimitOnTheVotePageAndTheMandateCarriesIt() throws Exception {
        SeatedPanel p = SeatedPanel.create(jdbi, "Age on the page", MENU, "mean", false, 3);
        new VoteSettingsService(jdbi).set(p.id(), p.organiser(), Map.of("kinds", List.of("weights", "approval"),
                "items", List.of(Map.of("id", "days_60", "label", "Only the last two months", "max_interaction_age_days", 60),
                        Map.of("id", "no_age", "label", "Never use age", "forbid_attribute", "age"))));
        p.moveTo(Phase.VOTE);
        Session first = p.members().getFirst();

        String en = get("/panel/vote", first, "en").body();
        assertTrue(en.contains("Only the last two months"), en);
        assertTrue(en.contains("id=\"approve-days_60-age\">If adopted, the recommender learns only from interactions of the last 60 days.<"), en);
        assertTrue(en.contains("name=\"approve_days_60\" value=\"yes\""), en);
        String fr = get("/panel/vote", first, "fr").body();
        assertTrue(fr.contains("n&#39;apprend que des interactions des 60 derniers jours") || fr.contains("n'apprend que des interactions des 60 derniers jours"), fr);

        for (int m = 0; m < 3; m++) {
            Session s = p.members().get(m);
            String csrf = csrfFrom("/");
            assertEquals(201, postForm("/panel/vote", csrf, s.token(), "kind=weights&points_relevance=40&points_novelty=30&points_provider_fairness=30").statusCode());
            HttpResponse<String> approved = postForm("/panel/vote", csrf, s.token(), "kind=approval&approve_days_60=" + (m < 2 ? "yes" : "no") + "&approve_no_age=no");
            assertEquals(201, approved.statusCode(), approved.body());
        }
        var mandate = new TallyService(jdbi).tally(p.id(), p.organiser()).mandate();
        assertEquals(60, mandate.dataUse().maxInteractionAgeDays());
        assertEquals(List.of(), mandate.dataUse().forbiddenAttributes());
    }

    @Test
    void theCreationFormPutsLimitsToApprovalAndRefusesBadOnes() throws Exception {
        long panels = count("panels"), ledger = count("ledger");
        for (String bad : List.of("age_days=0", "age_days=-5", "age_days=30.5", "age_days=ninety", "age_days=3651", "age_days=99999999999",
                "age_days=30&age_days=30")) {
            HttpResponse<String> r = create("Refused ages", bad, "fr");
            assertEquals(422, r.statusCode(), bad + " " + r.body());
            Matcher error = Pattern.compile("id=\"error\">([^<]*)<").matcher(r.body());
            assertTrue(error.find(), bad);
            assertTrue(error.group(1).contains("ancienneté"), bad + ": " + error.group(1));
        }
        assertEquals(panels, count("panels"));
        assertEquals(ledger, count("ledger"));
        HttpResponse<String> kept = create("Refused ages", "age_days=&age_days=4000", "en");
        assertTrue(kept.body().contains("id=\"age-days-2\" name=\"age_days\"") && kept.body().contains("value=\"4000\""), "the form keeps what was typed");

        HttpResponse<String> created = create("Two limits", "age_days=90&age_days=&age_days=30", "en");
        assertEquals(201, created.statusCode(), created.body());
        String payload = jdbi.withHandle(h -> h.createQuery("SELECT payload FROM ledger WHERE kind = 'vote_settings' ORDER BY seq DESC LIMIT 1").mapTo(String.class).one());
        Map<?, ?> settings = (Map<?, ?>) Json.parseObject(payload).get("settings");
        assertEquals(List.of("weights", "approval"), settings.get("kinds"));
        assertEquals(List.of(
                Map.of("id", "age_90", "label", "Learn only from interactions of the last 90 days", "max_interaction_age_days", 90L),
                Map.of("id", "age_30", "label", "Learn only from interactions of the last 30 days", "max_interaction_age_days", 30L)), settings.get("items"));
    }

    private static HttpResponse<String> create(String name, String ages, String language) throws Exception {
        return postForm("/organise/new", csrfFrom("/organise/new"), null,
                "name=" + name.replace(' ', '+') + "&objectives=relevance&objectives=novelty&rule=mean&" + ages, "Accept-Language", language);
    }

    private static HttpResponse<String> get(String path, Session who, String language) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", WebPages.SESSION_COOKIE + "=" + who.token())
                .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }
}
