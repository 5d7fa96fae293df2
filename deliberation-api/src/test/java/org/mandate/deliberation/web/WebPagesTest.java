package org.mandate.deliberation.web;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages over plain HTTP: cookies, CSRF, languages, headers, escaping and hostile form values. */
class WebPagesTest extends EmbeddedWeb {

    /** One browser: its cookie jar and the last CSRF token it was given. */
    static final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();
        final Map<String, String> cookieAttributes = new LinkedHashMap<>();
        String csrf;

        HttpResponse<String> send(String method, String path, Map<String, String> form, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
            if (form == null) b.method(method, HttpRequest.BodyPublishers.noBody());
            else b.method(method, HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")))).header("Content-Type", "application/x-www-form-urlencoded");
            if (!cookies.isEmpty()) b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                for (String c : r.headers().allValues("Set-Cookie")) {
                    String[] parts = c.split(";", 2);
                    String[] kv = parts[0].split("=", 2);
                    cookies.put(kv[0].strip(), kv[1].strip());
                    cookieAttributes.put(kv[0].strip(), parts.length > 1 ? parts[1] : "");
                }
                Matcher m = CSRF.matcher(r.body());
                if (m.find()) csrf = m.group(1);
                return r;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String path, String... headers) {
            return send("GET", path, null, headers);
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            Map<String, String> withCsrf = new LinkedHashMap<>(form);
            withCsrf.putIfAbsent("csrf", csrf);
            return send("POST", path, withCsrf);
        }

        Browser joined(String invitation) {
            get("/");
            HttpResponse<String> r = post("/join", Map.of("token", invitation));
            assertEquals(303, r.statusCode(), r.body());
            return this;
        }
    }

    private static CreatedPanel panel() {
        return new PanelService(jdbi).create("web panel", List.of("relevance", "novelty"), "mean", false);
    }

    @Test
    void joiningSetsAStrictHttpOnlySessionCookie() {
        CreatedPanel p = panel();
        String invitation = new MemberService(jdbi).invite(p.panel().id(), p.organiserToken(), 1).getFirst();
        Browser b = new Browser();
        HttpResponse<String> home = b.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(b.cookieAttributes.get(WebPages.CSRF_COOKIE).contains("HttpOnly"));
        assertTrue(b.cookieAttributes.get(WebPages.CSRF_COOKIE).contains("SameSite=Strict"));
        HttpResponse<String> joined = b.post("/join", Map.of("token", invitation));
        assertEquals(303, joined.statusCode());
        assertEquals("/panel", joined.headers().firstValue("Location").orElseThrow());
        String attributes = b.cookieAttributes.get(WebPages.SESSION_COOKIE);
        assertNotNull(attributes);
        assertTrue(attributes.contains("HttpOnly") && attributes.contains("SameSite=Strict") && attributes.contains("Path=/"), attributes);
        HttpResponse<String> learn = b.get("/panel");
        assertEquals(200, learn.statusCode());
        assertTrue(learn.body().contains("id=\"objective-relevance\""));
        for (String header : List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options")) {
            assertTrue(learn.headers().firstValue(header).isPresent(), header);
        }
        assertFalse(learn.body().contains("https://"), "no external resource");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        CreatedPanel p = panel();
        String invitation = new MemberService(jdbi).invite(p.panel().id(), p.organiserToken(), 1).getFirst();
        Browser b = new Browser();
        b.get("/");
        long members = count("members");
        HttpResponse<String> forged = b.send("POST", "/join", Map.of("token", invitation));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> wrong = b.send("POST", "/join", Map.of("token", invitation, "csrf", "A".repeat(43)));
        assertEquals(403, wrong.statusCode());
        assertEquals(members, count("members"), "the invitation was not spent");

        b.joined(invitation);
        new PanelService(jdbi).moveTo(p.panel().id(), p.organiserToken(), Phase.DELIBERATE);
        long statements = count("statements");
        assertEquals(403, b.send("POST", "/panel/statements", Map.of("text", "cross-site")).statusCode());
        assertEquals(statements, count("statements"));
        assertEquals(303, b.post("/panel/statements", Map.of("text", "<script>alert('x')</script> same-site")).statusCode());
        assertEquals(statements + 1, count("statements"));
        String page = b.get("/panel/deliberate").body();
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; same-site"), "statements are escaped");
        assertFalse(page.contains("<script>alert"));
    }

    @Test
    void pagesSpeakTheReadersLanguage() {
        Browser b = new Browser();
        HttpResponse<String> fr = b.get("/", "Accept-Language", "fr-FR,fr;q=0.9,en;q=0.8");
        assertTrue(fr.body().contains("<html lang=\"fr\">"));
        assertTrue(fr.body().contains("Rejoindre un panel"));
        HttpResponse<String> en = b.get("/?lang=en", "Accept-Language", "fr-FR");
        assertTrue(en.body().contains("<html lang=\"en\">"));
        assertEquals("en", b.cookies.get(WebPages.LANG_COOKIE), "the choice is remembered");
        assertTrue(b.get("/receipt", "Accept-Language", "fr-FR").body().contains("<html lang=\"en\">"));
        assertTrue(new Browser().get("/", "Accept-Language", "de-DE").body().contains("<html lang=\"en\">"));
    }

    @Test
    void theBallotFormRefusesHostileNumbersWithAMessageAndNoBallot() {
        CreatedPanel p = panel();
        String invitation = new MemberService(jdbi).invite(p.panel().id(), p.organiserToken(), 1).getFirst();
        Browser b = new Browser().joined(invitation);
        new PanelService(jdbi).moveTo(p.panel().id(), p.organiserToken(), Phase.VOTE);
        assertEquals(200, b.get("/panel/vote").statusCode());
        long ballots = count("ballots"), ledger = count("ledger");
        String[][] hostile = {{"NaN", "0"}, {"-5", "105"}, {"1e999", "0"}, {"abc", "100"}, {"Infinity", "0"}, {"100; DROP TABLE ballots", "0"},
                {"60", "60"}, {"", ""}, {"99999999999", "0"}};
        for (String[] h : hostile) {
            HttpResponse<String> r = b.post("/panel/vote", Map.of("points_relevance", h[0], "points_novelty", h[1]));
            assertEquals(422, r.statusCode(), h[0] + "/" + h[1] + ": " + r.body());
            assertTrue(r.body().contains("role=\"alert\""), "the error is announced");
            assertTrue(r.body().contains("value=\"" + h[0].replace("\"", "&quot;") + "\""), "the typed value is kept for correction");
        }
        assertEquals(ballots, count("ballots"));
        assertEquals(ledger, count("ledger"));
        HttpResponse<String> ok = b.post("/panel/vote", Map.of("points_relevance", "70", "points_novelty", "30"));
        assertEquals(201, ok.statusCode(), ok.body());
        Matcher receipt = Pattern.compile("id=\"receipt\">([0-9a-f]{64})<").matcher(ok.body());
        assertTrue(receipt.find());
        assertTrue(b.get("/receipt?hash=" + receipt.group(1)).body().contains("id=\"check-result\""));
        assertEquals(409, b.post("/panel/vote", Map.of("points_relevance", "100", "points_novelty", "0")).statusCode(), "no second ballot");
    }

    @Test
    void rolesAreEnforcedOnPages() {
        CreatedPanel p = panel();
        String invitation = new MemberService(jdbi).invite(p.panel().id(), p.organiserToken(), 1).getFirst();
        Browser anonymous = new Browser();
        HttpResponse<String> r = anonymous.get("/panel");
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "pages answer with pages, not JSON");
        Browser member = new Browser().joined(invitation);
        assertEquals(403, member.get("/organise").statusCode());
        assertEquals(403, member.post("/organise/phase", Map.of("phase", "vote")).statusCode());
        assertEquals(Phase.LEARN, new PanelService(jdbi).get(p.panel().id()).phase());

        Browser organiser = new Browser();
        organiser.get("/");
        assertEquals(303, organiser.post("/signin", Map.of("token", p.organiserToken())).statusCode());
        assertEquals(200, organiser.get("/organise").statusCode());
        assertEquals(303, organiser.post("/organise/phase", Map.of("phase", "deliberate")).statusCode());
        assertEquals(Phase.DELIBERATE, new PanelService(jdbi).get(p.panel().id()).phase());
        assertEquals(422, organiser.post("/organise/phase", Map.of("phase", "<recess>")).statusCode());
        HttpResponse<String> traversal = organiser.get("/assets/..%2F..%2F..%2Fetc%2Fpasswd");
        assertTrue(traversal.statusCode() == 400 || traversal.statusCode() == 404, "status " + traversal.statusCode());
        assertFalse(traversal.body().contains("root:"));
        assertEquals(404, organiser.get("/assets/secret.properties").statusCode());
        assertEquals(200, organiser.get("/assets/ballot.js").statusCode());
    }
}
