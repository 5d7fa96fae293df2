package org.mandate.deliberation.http;

import org.mandate.deliberation.service.ApprovalItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3.1 description of the JSON API, built from the route table the server registers. */
public final class OpenApiDocument {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

    private OpenApiDocument() {}

    public static Map<String, Object> build(List<ApiRoute> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Mandate deliberation API", "version", "1",
                "description", "Citizen panels learn, deliberate and vote weights over a recommender's objectives. "
                        + "Errors are RFC 9457 application/problem+json; every caller is rate limited (429)."));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (ApiRoute r : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<>());
            item.put(r.method().toLowerCase(), operation(r));
        }
        doc.put("paths", paths);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("required", List.of("type", "title", "status", "detail"));
        problem.put("properties", Map.of("type", Map.of("type", "string"), "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"), "detail", Map.of("type", "string"), "instance", Map.of("type", "string")));
        doc.put("components", Map.of(
                "schemas", Map.of("Problem", problem),
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer",
                        "description", "an organiser token from POST /api/panels or a session token from POST /api/join"))));
        return doc;
    }

    private static Map<String, Object> operation(ApiRoute r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", r.operationId());
        op.put("summary", r.summary());
        op.put("x-auth", r.auth());
        if (!r.auth().equals("none")) op.put("security", List.of(Map.of("bearer", List.of())));
        List<Object> parameters = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(r.path());
        while (m.find()) parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        for (String q : r.query()) {
            String[] f = q.split(":");
            parameters.add(Map.of("name", f[0], "in", "query", "required", false, "schema", schema(f[1])));
        }
        if (!parameters.isEmpty()) op.put("parameters", parameters);
        if (!r.bodyFields().isEmpty()) {
            Map<String, Object> props = new LinkedHashMap<>();
            for (String field : r.bodyFields()) {
                String[] f = field.split(":");
                props.put(f[0], schema(f[1]));
            }
            op.put("requestBody", Map.of("required", true, "content",
                    Map.of("application/json", Map.of("schema", Map.of("type", "object", "properties", props)))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(String.valueOf(r.success()), Map.of("description", "success", "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
        List<Integer> problems = new ArrayList<>(r.problems());
        problems.add(429);
        for (int status : problems) {
            responses.put(String.valueOf(status), Map.of("description", "problem", "content",
                    Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        }
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> schema(String type) {
        return switch (type) {
            case "string[]" -> Map.of("type", "array", "items", Map.of("type", "string"));
            case "points" -> Map.of("type", "object", "additionalProperties", Map.of("type", "number", "minimum", 0),
                    "description", "points out of 100 per objective id; they must add up to 100");
            case "stance" -> Map.of("type", "string", "enum", List.of("agree", "disagree", "pass"));
            case "phase" -> Map.of("type", "string", "enum", List.of("learn", "deliberate", "vote", "closed"));
            case "lang" -> Map.of("type", "string", "enum", List.of("en", "fr"));
            case "seatRole" -> Map.of("type", "string", "enum", List.of("member", "auditor"), "default", "member");
            case "ballotKind" -> Map.of("type", "string", "enum", List.of("weights", "floors", "comparison", "ranking", "approval"),
                    "description", "the ballot's kind (default weights); the body carries that kind's field");
            case "ballotKinds" -> Map.of("type", "array", "items", schema("ballotKind"),
                    "description", "exactly one of weights, comparison, ranking (they decide the weights), optionally floors and approval");
            case "floors" -> Map.of("type", "object", "additionalProperties", Map.of("type", "number"),
                    "description", "kind floors: per objective id, the level of its headline metric to guarantee (a ceiling for a minimised metric)");
            case "comparisons" -> Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                            "a", Map.of("type", "string"), "b", Map.of("type", "string"),
                            "preference", Map.of("type", "integer", "minimum", -10, "maximum", 10))),
                    "description", "kind comparison: slate ids from the vote settings; preference < 0 when a is better, > 0 when b is");
            case "ranking" -> Map.of("type", "array", "items", Map.of("oneOf", List.of(Map.of("type", "string"),
                            Map.of("type", "array", "items", Map.of("type", "string")))),
                    "description", "kind ranking: proposal ids best first; an array groups proposals ranked equal");
            case "votes" -> Map.of("type", "object", "additionalProperties", Map.of("type", "boolean"),
                    "description", "kind approval: per rule id, true (yes) or false (no); leave a rule out to abstain");
            case "slates" -> Map.of("type", "array", "items", Map.of("type", "object"),
                    "description", "{id, produced_under, metrics}: metrics measure every objective on the menu");
            case "proposals" -> Map.of("type", "array", "items", Map.of("type", "object"),
                    "description", "{id, label, weights}: weights over the menu summing to 1");
            case "items" -> Map.of("type", "array", "items", Map.of("oneOf", List.of(
                            Map.of("type", "object", "title", "attribute ban", "required", List.of("id", "label", "forbid_attribute"),
                                    "additionalProperties", false, "properties", Map.of("id", Map.of("type", "string"), "label", Map.of("type", "string"),
                                            "forbid_attribute", Map.of("type", "string"))),
                            Map.of("type", "object", "title", "interaction-age limit", "required", List.of("id", "label", "max_interaction_age_days"),
                                    "additionalProperties", false, "properties", Map.of("id", Map.of("type", "string"), "label", Map.of("type", "string"),
                                            "max_interaction_age_days", Map.of("type", "integer", "minimum", 1, "maximum", ApprovalItem.MAX_AGE_DAYS))))),
                    "description", "data-use rules put to approval, each decided on its own: {id, label, forbid_attribute} forbids the trainer to read "
                            + "the attribute; {id, label, max_interaction_age_days} limits training to interactions of the last N days. Every adopted "
                            + "limit holds, so the mandate's max_interaction_age_days is the shortest adopted one");
            default -> Map.of("type", type);
        };
    }
}
