package org.mandate.deliberation.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's JSON object, read strictly (duplicate keys and trailing content are malformed) and
 * within the size limit, with typed accessors that answer bad fields with a 422 problem instead of
 * letting them reach a service.
 */
final class RequestBody {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode root;

    private RequestBody(JsonNode root) {
        this.root = root;
    }

    static RequestBody read(Context ctx, int maxBytes) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > maxBytes) {
            throw new ProblemException(Problem.of("payload-too-large", "Request body too large", 413,
                    "request bodies are limited to " + maxBytes + " bytes"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw malformed("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw malformed("the body could not be read");
        }
        if (root == null || !root.isObject()) throw malformed("the body must be a JSON object");
        return new RequestBody(root);
    }

    String text(String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) throw invalid("'" + field + "' must be a string");
        return n.textValue();
    }

    /** An optional string: {@code otherwise} when absent or null. */
    String text(String field, String otherwise) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return otherwise;
        return text(field);
    }

    boolean bool(String field, boolean otherwise) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return otherwise;
        if (!n.isBoolean()) throw invalid("'" + field + "' must be true or false");
        return n.booleanValue();
    }

    int integer(String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) throw invalid("'" + field + "' must be an integer");
        return n.intValue();
    }

    List<String> texts(String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray()) throw invalid("'" + field + "' must be an array of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) throw invalid("'" + field + "' must be an array of strings");
            out.add(e.textValue());
        }
        return out;
    }

    /**
     * An object of numbers. A value that is not a JSON number (a string such as "NaN", null, ...) is
     * kept as null so ballot validation rejects it with its own reason; a number too large for a double
     * becomes infinite and is rejected the same way.
     */
    Map<String, Double> numbers(String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isObject()) throw invalid("'" + field + "' must be an object of numbers");
        Map<String, Double> out = new LinkedHashMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNumber() ? e.getValue().doubleValue() : null));
        return out;
    }

    static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of("malformed-json", "Malformed JSON", 400, detail));
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 422, detail));
    }
}
