package org.mandate.deliberation.web;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.SeatedPanel;
import org.mandate.deliberation.http.ProblemTranslation;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Session;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refusals shown inline on the deliberate and vote pages are in the reader's language: a French browser
 * (Accept-Language: fr) sees the service's explanation in French, an English one the English text.
 */
class FrenchInlineErrorsTest extends EmbeddedWeb {

    private static final Pattern ERROR = Pattern.compile("id=\"error\"[^>]*>([^<]*)<");

    @Test
    void refusedStatementsBallotsAndDelegationsAreExplainedInFrench() throws Exception {
        SeatedPanel panel = SeatedPanel.create(jdbi, "Panel bilingue", List.of("relevance", "novelty"), "mean", false, 2);
        long id = panel.id();
        Session me = panel.members().getFirst();

        panel.moveTo(Phase.DELIBERATE);
        String tooLong = "x".repeat(300);
        assertError(post("/panel/statements", me, "fr", "text=" + tooLong), 422,
                "une proposition doit compter de 1 à 280 caractères", "a statement needs");
        assertError(post("/panel/statements", me, "en", "text=" + tooLong), 422, "a statement needs 1 to 280 characters", "une proposition");
        assertError(post("/panel/statements", me, "fr", "text=" + URLEncoder.encode("bonjour\u0007", StandardCharsets.UTF_8)), 422,
                "cette proposition ne peut pas être publiée : les caractères de contrôle ne sont pas autorisés", "control characters");
        HttpResponse<String> kept = post("/panel/statements", me, "fr", "text=" + tooLong);
        assertTrue(kept.body().contains(tooLong), "the draft is kept");

        panel.moveTo(Phase.VOTE);
        assertError(post("/panel/vote", me, "fr", "kind=weights&points_relevance=50&points_novelty=40"), 422,
                "les points doivent totaliser 100 ; ils totalisent 90", "must add up");
        assertError(post("/panel/vote", me, "fr", "kind=floors&floor_relevance=0.5"), 422,
                "le panel " + id + " ne propose pas de bulletins floors ; il propose weights", "does not offer");
        assertError(post("/panel/delegation", me, "fr", "delegate=" + me.member().voterId()), 422,
                "vous ne pouvez pas vous déléguer votre propre vote", "yourself");
        assertEquals(201, post("/panel/vote", me, "fr", "kind=weights&points_relevance=50&points_novelty=50").statusCode());
        assertError(post("/panel/vote", me, "fr", "kind=weights&points_relevance=60&points_novelty=40"), 409,
                "vous avez déjà déposé un bulletin weights au panel " + id + ", qui ne permet pas de modifier un bulletin", "already cast");
        assertError(post("/panel/vote", me, "en", "kind=weights&points_relevance=60&points_novelty=40"), 409,
                "you have already cast a weights ballot on panel " + id, "déjà");
    }

    /** One sample of each refusal the vote and deliberate pages (and the vote settings) may show has a French form. */
    @Test
    void everyRefusalOfTheBallotsDelegationsAndSettingsHasAFrenchForm() {
        for (String english : List.of(
                "you have already cast a floors ballot on panel 3, and it does not allow changing a ballot",
                "panel 3 does not offer ranking ballots; it offers weights, floors",
                "unknown ballot kind 'x'; kinds are weights, floors, comparison, ranking, approval",
                "a ballot needs a voter id", "a ballot needs at least one weight", "a ballot needs at least one allocation",
                "floor on 'novelty' must be a finite number, got NaN", "'public_value' is not on this panel's menu",
                "'public_value' is not on this panel's menu: relevance, novelty",
                "a comparison ballot needs at least one comparison", "at most 40 comparisons per ballot, got 41",
                "a comparison's preference must be a whole number in -10..10", "preference must be in -10..10, got 11",
                "slates 'a' and 'z' must both be among the slates shown: a, b", "slate a is compared with itself",
                "voter v1 made no comparison: there is nothing to fit weights from",
                "'x' is not one of the proposals: today, balanced", "a ranking needs at least one proposal", "a ranking has an empty tier",
                "a ranking names a blank proposal", "proposal 'today' is ranked twice", "the rank of 'Today' must be a whole number",
                "'votes' must be an object of true (yes) and false (no)", "the vote on 'no_age' must be true or false",
                "'x' is not put to this vote: no_age", "an approval ballot needs at least one yes or no", "an approval names a blank item",
                "item 'no_age' needs yes or no; leave it out to abstain",
                "name the handle of the member you delegate to", "voting on panel 3 has closed; delegations can no longer change",
                "you cannot delegate your vote to yourself", "no member of panel 3 has the handle 'v9'", "you have no delegation to revoke",
                "delegating to v2 would close a cycle: their vote already comes back to you", "only members of panel 3 may delegate their vote",
                "there is no statement 'abc'", "panel 3 is in phase vote; statements and their votes are taken in phase deliberate",
                "'points' must be an object of numbers", "'items' must be an array", "'slates[]' must be an object",
                "'proposals[].id' must match [a-z0-9][a-z0-9_-]{0,39}, got 'A'", "'proposals[].label' must be 1 to 200 characters",
                "'items[].label' cannot be stored: control characters are not allowed",
                "personalisation has no field 'lock'; its fields are max_shift, locked",
                "panel 3 already has its vote settings; they are set once", "ballot kind 'weights' is listed twice",
                "a panel offers exactly one of weights, comparison and ranking (they decide the weights), got 2",
                "'slates' only goes with ballot kind comparison, which is not offered",
                "the largest personal shift is a distance from 0 to 1, got 1.5", "the largest personal shift is a percentage from 0 to 100, got '150'",
                "locking objectives needs a largest personal shift; give one (0 allows none)",
                "a locked objective must be on the panel's menu; 'public_value' is not: relevance, novelty",
                "the objective 'novelty' is locked twice")) {
            assertTrue(ProblemTranslation.isTranslated(english), "no French form for: " + english);
            String french = ProblemTranslation.detail(english, java.util.Locale.FRENCH);
            assertFalse(french.matches("(?s).*\\{\\d}.*"), french);
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String expected, String notExpected) {
        assertEquals(status, r.statusCode(), r.body());
        Matcher m = ERROR.matcher(r.body());
        assertTrue(m.find(), "no inline error in " + r.body());
        String shown = m.group(1).replace("&#39;", "'");
        assertTrue(shown.contains(expected), "shown: " + shown);
        assertFalse(shown.contains(notExpected), "shown: " + shown);
    }

    private static HttpResponse<String> post(String path, Session who, String language, String form) throws Exception {
        return postForm(path, csrfFrom("/"), who.token(), form, "Accept-Language", language);
    }
}
