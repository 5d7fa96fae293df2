package org.mandate.deliberation.web;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.SweepFixture;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.PanelService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser's forms over plain HTTP: creating a panel (refusals leave nothing), multipart uploads and their bound. */
class OrganisePageTest extends EmbeddedWeb {

    @Test
    void aRefusedCreationFormLeavesNothingAndAnAcceptedOneSignsTheOrganiserIn() throws Exception {
        String csrf = csrfFrom("/organise/new");
        long panels = count("panels"), ledger = count("ledger");
        for (String form : List.of("name=&objectives=relevance&rule=mean", "name=P&objectives=engagement&rule=mean",
                "name=P&objectives=relevance&rule=majority", "name=P&objectives=relevance&rule=mean&kinds=comparison",
                "name=P&rule=mean", "name=P%00&objectives=relevance&rule=mean")) {
            HttpResponse<String> r = postForm("/organise/new", csrf, null, form, "Accept-Language", "fr");
            assertEquals(422, r.statusCode(), form + " " + r.body());
            assertTrue(r.body().contains("id=\"error\""), form);
        }
        assertEquals(panels, count("panels"));
        assertEquals(ledger, count("ledger"));
        HttpResponse<String> created = postForm("/organise/new", csrf, null,
                "name=Radio&objectives=relevance&objectives=novelty&rule=independent_markets&kinds=floors&allow_revision=on");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("mandate_session=") && c.contains("HttpOnly")));
        assertTrue(created.body().contains("id=\"organiser-token\""));
        assertEquals(panels + 1, count("panels"));
        assertEquals(1, count("vote_settings"), "floors were offered with weights");
    }

    @Test
    void uploadsAreMultipartBoundedAndCsrfProtected() throws Exception {
        CreatedPanel p = new PanelService(jdbi).create("Uploads", List.of("relevance", "novelty", "provider_fairness", "public_value"), "mean", false);
        String csrf = csrfFrom("/organise/new");
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
}
