package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.objectives.json.CanonicalJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation in {@code /openapi.json}, fuzzed with a seeded generator (Jazzer was not used: its
 * JUnit engine needs network access on first use and instruments the whole JVM; a seeded generator
 * reproduces any failure from its seed). Each write request is made invalid on purpose — malformed
 * JSON, every documented field of the wrong JSON type, NaN / infinite / negative numbers, oversize
 * bodies, the wrong phase, the wrong role, forged, spent or foreign tokens, SQL metacharacters in paths,
 * queries, tokens and strings — so it must get a 4xx problem+json, never a 5xx, and leave every table's
 * row count unchanged. Reads may succeed but never answer 5xx.
 */
class EndpointFuzzTest extends EmbeddedApi {

    private static final long SEED = 20261123L;
    private static final String[] SQL = {"'; DROP TABLE ballots; --", "1 OR 1=1", "\" OR \"\"=\"", "%27%20OR%20%271%27=%271", "1;DELETE FROM ledger",
            "\\x00", "$$; SELECT pg_sleep(1); $$", "' UNION SELECT token_hash FROM sessions --"};
    private static final String[] MALFORMED = {"", "{", "}", "[]", "null", "42", "\"s\"", "{\"a\": }", "{} {}", "{\"a\":1,\"a\":2}", "{\"a\": NaN}",
            "{\"a\": Infinity}", "{\"a\": -Infinity}", "{'a': 'b'}", "\u0000", "{\"a\": \"\\ud800\"", "{\"a\":1e999999999}", "\uFEFF{", "{\"a\":[1,2,}"};

    @Test
    void everyOperationRefusesHostileInputWithAProblemAndLeavesEveryTableAsItWas() {
        Random random = new Random(SEED);
        // panel A rests in learn (ballots and statements are the wrong phase), panel B is another organiser's
        PanelSeats a = api.panel(2, List.of("relevance", "novelty", "provider_fairness"));
        PanelSeats b = api.panel(1, List.of("relevance", "novelty"));
        Reply spare = api.post(a.path("/invitations"), a.organiser(), Map.of("count", 1));
        String spent = (String) ((List<?>) spare.get("invitations")).getFirst();
        assertEquals(201, api.post("/api/join", null, Map.of("token", spent)).status());

        Map<String, Object> openApi = api.get("/openapi.json", null).json();
        Map<String, Long> before = counts();
        int requests = 0, reads = 0;
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) openApi.get("paths");
        assertTrue(paths.size() >= 15, "operations: " + paths.size());
        for (var pathItem : paths.entrySet()) {
            for (var op : pathItem.getValue().entrySet()) {
                String method = op.getKey().toUpperCase();
                String template = pathItem.getKey();
                String auth = (String) op.getValue().get("x-auth");
                List<String> fields = fields(op.getValue());
                List<String> bad = new ArrayList<>();
                for (String path : paths(template, a, random)) {
                    if (method.equals("GET")) {
                        for (String token : tokens(a, b, spent, random)) {
                            assertNever5xx(api.get(path + query(op.getValue(), random), token), method, path);
                            reads++;
                        }
                        continue;
                    }
                    // wrong or missing credentials, with a plausible body; SQL in the token itself
                    if (!auth.equals("none")) {
                        for (String token : List.of("forged-" + random.nextInt(), SQL[random.nextInt(SQL.length)], spent, "")) {
                            requests += refuse(method, path, token, body(fields, random, true), bad);
                        }
                        requests += refuse(method, path, null, body(fields, random, true), bad);
                        if (auth.equals("organiser")) requests += refuse(method, path, a.members()[0], body(fields, random, true), bad);
                        if (auth.equals("member")) requests += refuse(method, path, a.organiser(), body(fields, random, true), bad);
                        requests += refuse(method, path, b.organiser(), body(fields, random, true), bad); // another panel's organiser
                    }
                    // the right credentials, hostile bodies
                    String token = auth.equals("organiser") ? a.organiser() : auth.equals("member") || auth.equals("seat") ? a.members()[1] : null;
                    for (String m : MALFORMED) requests += refuse(method, path, token, m, bad);
                    for (int i = 0; i < 12; i++) requests += refuse(method, path, token, wrongTypes(fields, random), bad);
                    requests += oversize(method, path, token, bad);
                }
                assertTrue(bad.isEmpty(), method + " " + template + ":\n" + String.join("\n", bad));
            }
        }
        // writes that are valid in form but come in the wrong phase (panel A is in learn)
        List<String> bad = new ArrayList<>();
        requests += refuse("POST", a.path("/ballots"), a.members()[0], "{\"points\":{\"relevance\":50,\"novelty\":25,\"provider_fairness\":25}}", bad);
        requests += refuse("POST", a.path("/statements"), a.members()[0], "{\"text\":\"a fine statement\"}", bad);
        requests += refuse("POST", a.path("/tally"), a.organiser(), "", bad);
        requests += refuse("POST", a.path("/phase"), a.organiser(), "{\"phase\":\"learn\"}", bad);
        assertTrue(bad.isEmpty(), String.join("\n", bad));

        System.out.printf("endpoint fuzz (seed %d): %d operations, %d refused writes, %d reads%n", SEED,
                paths.values().stream().mapToInt(Map::size).sum(), requests, reads);
        assertTrue(requests > 1500, "refused requests: " + requests);
        assertTrue(reads > 100, "reads: " + reads);
        assertEquals(before, counts(), "no refused request left a row anywhere");
    }

    /** Sends a request that must be refused; records what went wrong instead of stopping at the first case. */
    private static int refuse(String method, String path, String token, String body, List<String> bad) {
        Reply r = api.send(method, path, token == null || token.isEmpty() ? null : token, body);
        boolean problem = r.status() >= 400 && r.status() < 500 && r.contentType().startsWith("application/problem+json")
                && r.body().contains("\"type\":\"/problems/");
        if (!problem) bad.add(r.status() + " for " + method + " " + path + " token=" + (token == null ? "none" : token.length() > 12 ? token.substring(0, 12) : token)
                + " body=" + (body.length() > 120 ? body.substring(0, 120) + "…" : body) + " -> " + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body()));
        return 1;
    }

    /**
     * A body over the limit, sent with {@code Expect: 100-continue}: a server may answer (413, or 401 before
     * reading anything) and close without taking the body, which without the expectation is a broken pipe
     * for the client rather than an answer.
     */
    private static int oversize(String method, String path, String token, List<String> bad) {
        int size = path.endsWith("/sweep") ? SweepRoutes.MAX_SWEEP_BYTES + 1 : ApiServer.MAX_BODY_BYTES + 1;
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + path))
                .expectContinue(true).header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "y".repeat(size) + "\"}"));
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            var r = OVERSIZE.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
                bad.add(r.statusCode() + " for an oversize " + method + " " + path + " -> " + type + " " + r.body());
            }
        } catch (java.io.IOException e) {
            bad.add("oversize " + method + " " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return 1;
    }

    private static final java.net.http.HttpClient OVERSIZE = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    private static void assertNever5xx(Reply r, String method, String path) {
        assertTrue(r.status() < 500, () -> method + " " + path + " -> " + r.status() + " " + r.body());
        if (r.status() >= 400) assertTrue(r.contentType().startsWith("application/problem+json"), () -> method + " " + path + " " + r.contentType());
    }

    /** The path with its parameters as valid ids, unknown ids and garbage. */
    private static List<String> paths(String template, PanelSeats a, Random random) {
        List<String> out = new ArrayList<>();
        out.add(template.replace("{id}", String.valueOf(a.id())).replaceAll("\\{[a-z_]+}", "1"));
        out.add(template.replaceAll("\\{[a-z_]+}", "999999999"));
        String[] garbage = {"abc", "-1", "1e3", "0x10", "9223372036854775808", "%27%3B%20DROP%20TABLE%20panels%3B--", "1%20OR%201%3D1", "%00", "%F0%9F%92%A5"};
        out.add(template.replaceAll("\\{[a-z_]+}", garbage[random.nextInt(garbage.length)]));
        out.removeIf(p -> p.equals(template) && template.contains("{"));
        return out.stream().distinct().toList();
    }

    private static List<String> tokens(PanelSeats a, PanelSeats b, String spent, Random random) {
        List<String> out = new ArrayList<>();
        out.add(null);
        out.add(a.organiser());
        out.add(a.members()[0]);
        out.add(b.organiser());
        out.add(spent);
        out.add(SQL[random.nextInt(SQL.length)]);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String query(Map<String, Object> op, Random random) {
        List<Object> parameters = (List<Object>) op.getOrDefault("parameters", List.of());
        StringBuilder q = new StringBuilder();
        String[] values = {"NaN", "Infinity", "-1", "", "de", "relevance:NaN", "relevance:-5,novelty:1", "relevance:1e999", "%27%20OR%201%3D1", "relevance:1"};
        for (Object p : parameters) {
            Map<String, Object> param = (Map<String, Object>) p;
            if (!"query".equals(param.get("in"))) continue;
            q.append(q.isEmpty() ? "?" : "&").append(param.get("name")).append('=').append(values[random.nextInt(values.length)]);
        }
        return q.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> op) {
        Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
        if (body == null) return List.of();
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) body.get("content")).get("application/json")).get("schema");
        Map<String, Object> props = (Map<String, Object>) schema.get("properties");
        List<String> out = new ArrayList<>();
        props.forEach((name, s) -> out.add(name + ":" + ((Map<String, Object>) s).getOrDefault("type", "object")));
        return out;
    }

    /** Every documented field with a value of another JSON type, or a number that is never valid (NaN and infinities as text, negatives, 1e999). */
    private static String wrongTypes(List<String> fields, Random random) {
        if (fields.isEmpty()) return MALFORMED[random.nextInt(MALFORMED.length)];
        Map<String, String> raw = new TreeMap<>();
        for (String f : fields) {
            String[] nt = f.split(":");
            List<String> candidates = new ArrayList<>(List.of("\"" + SQL[random.nextInt(SQL.length)].replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                    "true", "[1,\"a\",null]", "{\"relevance\":\"NaN\"}", "{\"relevance\":-5,\"novelty\":105}", "{\"relevance\":1e999}", "\"NaN\"", "\"Infinity\""));
            if (!nt[1].equals("number") && !nt[1].equals("integer")) candidates.addAll(List.of("-1", "1e999", "3.5"));
            if (nt[1].equals("string")) candidates.removeIf(c -> c.startsWith("\""));
            if (nt[1].equals("boolean")) candidates.remove("true");
            if (nt[1].equals("array")) candidates.remove("[1,\"a\",null]");
            if (nt[1].equals("number") || nt[1].equals("integer")) candidates.addAll(List.of("-1e999", "\"5\""));
            raw.put(nt[0], candidates.get(random.nextInt(candidates.size())));
        }
        StringBuilder s = new StringBuilder("{");
        raw.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return s.append('}').toString();
    }

    /** A body of the right shape with hostile strings, for requests whose credentials are what is wrong. */
    private static String body(List<String> fields, Random random, boolean sql) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String f : fields) {
            String[] nt = f.split(":");
            json.put(nt[0], switch (nt[1]) {
                case "integer" -> 3;
                case "number" -> 0.25;
                case "boolean" -> false;
                case "array" -> List.of();
                case "object", "points" -> Map.of("relevance", 50, "novelty", 50);
                default -> sql ? SQL[random.nextInt(SQL.length)] : "x";
            });
        }
        return CanonicalJson.write(json);
    }

    private static Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        List<String> tables = jdbi.withHandle(h -> h.createQuery("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'""").mapTo(String.class).list());
        for (String t : tables) out.put(t, count("\"" + t + "\""));
        return out;
    }
}
