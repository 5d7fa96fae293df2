package org.mandate.deliberation.http;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small JSON client for one running {@link ApiServer}, with the problem+json assertions the API tests share. */
final class ApiClient {

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    record Reply(int status, String contentType, Map<String, List<String>> headers, String body) {
        Map<String, Object> json() {
            return Json.parseObject(body);
        }

        Object get(String key) {
            return json().get(key);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    Reply send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply post(String path, String token, Object body) {
        return send("POST", path, token, body instanceof String s ? s : CanonicalJson.write(body));
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    static void assertProblem(Reply r, int status, String type) {
        assertEquals(status, r.status(), () -> "body: " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        Map<String, Object> json = r.json();
        assertEquals(type, json.get("type"), () -> "body: " + r.body());
        assertEquals(status, ((Number) json.get("status")).intValue());
        assertTrue(json.get("title") instanceof String);
        assertTrue(json.get("detail") instanceof String);
    }

    /** A 4xx problem of any type: what every bad request must get, never a 5xx. */
    static void assertClientProblem(Reply r) {
        assertTrue(r.status() >= 400 && r.status() < 500, () -> r.status() + " " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), () -> r.contentType() + " " + r.body());
        assertTrue(r.json().get("type") instanceof String t && t.startsWith("/problems/"), r.body());
    }

    /** A panel with {@code members} joined members: organiser token, then member tokens. */
    PanelSeats panel(int members, List<String> objectives) {
        return panel("deliberation panel", members, objectives, "mean", false);
    }

    /** A panel named {@code name} with its own rule and revision setting, and {@code members} joined members. */
    PanelSeats panel(String name, int members, List<String> objectives, String rule, boolean revision) {
        Reply created = post("/api/panels", null, Map.of("name", name, "objectives", objectives, "rule", rule, "allow_revision", revision));
        assertEquals(201, created.status(), created.body());
        long id = ((Number) ((Map<?, ?>) created.get("panel")).get("id")).longValue();
        String organiser = (String) created.get("organiser_token");
        Reply invited = post("/api/panels/" + id + "/invitations", organiser, Map.of("count", members));
        assertEquals(201, invited.status(), invited.body());
        List<?> invitations = (List<?>) invited.get("invitations");
        String[] tokens = new String[members];
        for (int i = 0; i < members; i++) {
            Reply joined = post("/api/join", null, Map.of("token", invitations.get(i)));
            assertEquals(201, joined.status(), joined.body());
            tokens[i] = (String) joined.get("session_token");
        }
        return new PanelSeats(id, organiser, tokens);
    }

    record PanelSeats(long id, String organiser, String[] members) {
        String path(String rest) {
            return "/api/panels/" + id + rest;
        }
    }

    void phase(PanelSeats p, String phase) {
        Reply r = post(p.path("/phase"), p.organiser(), Map.of("phase", phase));
        assertEquals(200, r.status(), r.body());
    }
}
