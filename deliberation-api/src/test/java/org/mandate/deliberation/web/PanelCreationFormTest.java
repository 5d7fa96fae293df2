package org.mandate.deliberation.web;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.json.Json;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creating a panel with floors and a personalisation rule on the page: the panel, its organiser, the {@code panel}
 * entry and the {@code vote_settings} entry are written in one transaction. A failure injected between the panel
 * and its settings (a PostgreSQL trigger on {@code vote_settings}, after the panel row exists) leaves nothing.
 */
class PanelCreationFormTest extends EmbeddedWeb {

    private static final String FAILING_NAME = "Fails between panel and settings";

    private static final String FORM = "&objectives=relevance&objectives=novelty&objectives=provider_fairness&rule=mean&kinds=floors"
            + "&max_shift=20&locked=provider_fairness";

    @Test
    void aFailureBetweenThePanelAndItsSettingsLeavesNothing() throws Exception {
        jdbi.useHandle(h -> h.execute("""
                CREATE FUNCTION fail_between() RETURNS trigger AS $$
                BEGIN
                  -- the panel row is visible here: the failure comes after it was written, in the same transaction
                  IF (SELECT name FROM panels WHERE id = NEW.panel_id) = '%s' THEN
                    RAISE EXCEPTION 'injected failure after the panel was written';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(FAILING_NAME)));
        jdbi.useHandle(h -> h.execute("CREATE TRIGGER fail_between BEFORE INSERT ON vote_settings FOR EACH ROW EXECUTE FUNCTION fail_between()"));
        try {
            Map<String, Long> before = counts();
            HttpResponse<String> failed = create(FAILING_NAME);
            assertTrue(failed.statusCode() >= 500, failed.statusCode() + " " + failed.body());
            assertTrue(failed.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("mandate_session=")), "no session for a panel that does not exist");
            assertEquals(before, counts(), "nothing of the panel is left");
            assertTrue(new LedgerStore(jdbi).verify().ok());

            // The same form with another name goes through: panel, organiser, both entries, one after the other.
            HttpResponse<String> created = create("Floors and personal shifts");
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(before.get("panels") + 1, count("panels"));
            assertEquals(before.get("vote_settings") + 1, count("vote_settings"));
            assertEquals(before.get("ledger") + 2, count("ledger"));
            List<Map<String, Object>> last = jdbi.withHandle(h -> h.createQuery("SELECT kind, payload FROM ledger ORDER BY seq DESC LIMIT 2")
                    .mapToMap().list());
            assertEquals("vote_settings", last.get(0).get("kind"));
            assertEquals("panel", last.get(1).get("kind"));
            Map<String, Object> settings = (Map<String, Object>) Json.parseObject((String) last.get(0).get("payload")).get("settings");
            assertEquals(List.of("weights", "floors"), settings.get("kinds"));
            assertEquals(Map.of("max_shift", 0.2, "locked", List.of("provider_fairness")), settings.get("personalisation"));
            assertEquals(List.of("weights", "floors"), Json.parseObject((String) last.get(1).get("payload")).get("ballot_kinds"),
                    "the panel entry names the kinds the panel starts with");
        } finally {
            jdbi.useHandle(h -> h.execute("DROP TRIGGER fail_between ON vote_settings"));
            jdbi.useHandle(h -> h.execute("DROP FUNCTION fail_between()"));
        }
    }

    @Test
    void aRefusedPersonalisationIsExplainedInTheFormAndLeavesNothing() throws Exception {
        Map<String, Long> before = counts();
        for (String form : List.of("max_shift=150", "max_shift=ten", "locked=novelty", "max_shift=20&locked=public_value")) {
            HttpResponse<String> r = post("name=Refused&objectives=relevance&objectives=novelty&rule=mean&" + form, "fr");
            assertEquals(422, r.statusCode(), form + " " + r.body());
            Matcher error = Pattern.compile("id=\"error\">([^<]*)<").matcher(r.body());
            assertTrue(error.find(), form);
            assertTrue(error.group(1).contains("écart personnel maximal") || error.group(1).contains("objectif verrouillé"), error.group(1));
        }
        assertEquals(before, counts());
        // The form keeps what was typed.
        HttpResponse<String> kept = post("name=Refused&objectives=relevance&rule=mean&max_shift=150&locked=relevance", "en");
        assertTrue(kept.body().contains("value=\"150\""), kept.body());
        assertTrue(kept.body().matches("(?s).*id=\"locked-relevance\" name=\"locked\" value=\"relevance\" checked.*"));
    }

    private static Map<String, Long> counts() {
        return Map.of("panels", count("panels"), "members", count("members"), "vote_settings", count("vote_settings"), "ledger", count("ledger"));
    }

    private static HttpResponse<String> create(String name) throws Exception {
        return post("name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + FORM, "en");
    }

    private static HttpResponse<String> post(String form, String language) throws Exception {
        return postForm("/organise/new", csrfFrom("/organise/new"), null, form, "Accept-Language", language);
    }
}
