package org.mandate.deliberation.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.SweepFixture;
import org.mandate.deliberation.http.ApiServer;
import org.mandate.deliberation.http.RateLimiter;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.PanelService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser's forms over plain HTTP: creating a panel (refusals leave nothing), multipart uploads and their bound. */
class OrganisePageTest extends EmbeddedDatabase {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
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
    void aRefusedCreationFormLeavesNothingAndAnAcceptedOneSignsTheOrganiserIn() throws Exception {
        String csrf = csrf();
        long panels = count("panels"), ledger = count("ledger");
        for (String form : List.of("name=&objectives=relevance&rule=mean", "name=P&objectives=engagement&rule=mean",
                "name=P&objectives=relevance&rule=majority", "name=P&objectives=relevance&rule=mean&kinds=comparison",
                "name=P&rule=mean", "name=P%00&objectives=relevance&rule=mean")) {
            HttpResponse<String> r = post("/organise/new", csrf, form, "application/x-www-form-urlencoded", "Accept-Language", "fr");
            assertEquals(422, r.statusCode(), form + " " + r.body());
            assertTrue(r.body().contains("id=\"error\""), form);
        }
        assertEquals(panels, count("panels"));
        assertEquals(ledger, count("ledger"));
        HttpResponse<String> created = post("/organise/new", csrf, "name=Radio&objectives=relevance&objectives=novelty&rule=independent_markets&kinds=floors&allow_revision=on",
                "application/x-www-form-urlencoded");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("mandate_session=") && c.contains("HttpOnly")));
        assertTrue(created.body().contains("id=\"organiser-token\""));
        assertEquals(panels + 1, count("panels"));
        assertEquals(1, count("vote_settings"), "floors were offered with weights");
    }

    @Test
    void uploadsAreMultipartBoundedAndCsrfProtected() throws Exception {
        CreatedPanel p = new PanelService(jdbi).create("Uploads", List.of("relevance", "novelty", "provider_fairness", "public_value"), "mean", false);
        String csrf = csrf();
        String cookie = "mandate_csrf=" + csrf + "; mandate_session=" + p.organiserToken();
        byte[] sweep = SweepFixture.json(List.of("relevance", "novelty", "provider_fairness", "public_value"), 10).getBytes(StandardCharsets.UTF_8);
        assertTrue(sweep.length > 64 * 1024, "bigger than the JSON API's body limit: " + sweep.length);
        HttpResponse<String> ok = multipart("/organise/sweep", cookie, Map.of("csrf", csrf), "sweep_file", sweep);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(1, count("panel_sweeps"));
        HttpResponse<String> forged = multipart("/organise/sweep", cookie, Map.of("csrf", "forged"), "sweep_file", sweep);
        assertEquals(403, forged.statusCode());
        HttpResponse<String> huge = multipart("/organise/sweep", cookie, Map.of("csrf", csrf), "sweep_file", new byte[OrganisePage.MAX_UPLOAD_BYTES + 100_000]);
        assertTrue(huge.statusCode() >= 400 && huge.statusCode() < 500, huge.statusCode() + " " + huge.body());
        HttpResponse<String> strata = multipart("/organise/strata", cookie, Map.of("csrf", csrf), "strata_file",
                "region,count\nNorth,2\nSouth,x\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, strata.statusCode());
        assertTrue(strata.body().contains("line 3"), strata.body());
        assertEquals(1, count("panel_sweeps"));
        assertEquals(0, count("invitation_attributes"));
    }

    private static String csrf() throws Exception {
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(uri("/organise/new")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(home.body());
        assertTrue(m.find());
        return m.group(1);
    }

    private static HttpResponse<String> post(String path, String csrf, String form, String type, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", type).header("Cookie", "mandate_csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> multipart(String path, String cookie, Map<String, String> fields, String fileField, byte[] file) throws IOException, InterruptedException {
        String boundary = "----mandate" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"upload\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie)
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
