package org.mandate.deliberation.service;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.mandate.objectives.catalogue.Catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a {@code mandate-sweep/1} file (see the training module's SweepFile, which writes
 * it). Everything a voter will be shown is checked: the format, that every point's weights are on the
 * listed objectives, on the lattice and sum to 1 (within 1e-6), that every metric is finite and
 * labelled, and that slates are well-formed. A file that fails is refused with the JSON path of the
 * first problem ({@code points[3].weights.novelty: ...}).
 */
public final class SweepReader {

    static final double TOLERANCE = 1e-6;
    /** Enough for a step of 0.05 over four objectives (1,771 points); more is almost certainly a mistake. */
    public static final int MAX_POINTS = 5_000;
    static final int MAX_SLATES = 10;
    static final int MAX_ITEMS = 50;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SweepReader() {}

    public static Sweep read(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw refuse("the file is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw refuse("the file could not be read");
        }
        if (root == null || !root.isObject()) throw refuse("the file must be a JSON object");
        return read(root);
    }

    public static Sweep read(String json) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Sweep read(JsonNode root) {
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.textValue().equals(Sweep.FORMAT)) {
            throw refuse("format: expected \"" + Sweep.FORMAT + "\", got " + (format == null ? "nothing" : format.toString()));
        }
        List<String> objectives = new ArrayList<>();
        JsonNode objs = root.get("objectives");
        if (objs == null || !objs.isArray() || objs.size() < 2) throw refuse("objectives: expected an array of at least two catalogue objective ids");
        for (int i = 0; i < objs.size(); i++) {
            JsonNode o = objs.get(i);
            if (!o.isTextual() || !Catalogue.contains(o.textValue())) throw refuse("objectives[" + i + "]: " + o + " is not a catalogue objective id");
            if (objectives.contains(o.textValue())) throw refuse("objectives[" + i + "]: " + o + " is listed twice");
            objectives.add(o.textValue());
        }
        double step = number(root.get("step"), "step");
        if (!(step > 0 && step <= 1) || Math.abs(1 / step - Math.round(1 / step)) > TOLERANCE * Math.max(1, 1 / step)) {
            throw refuse("step: expected a number in (0, 1] that divides 1 (such as 0.25 or 0.1), got " + step);
        }
        int divisions = (int) Math.round(1 / step);
        JsonNode kNode = root.get("k");
        if (kNode == null || !kNode.isIntegralNumber() || !kNode.canConvertToInt() || kNode.intValue() < 1) throw refuse("k: expected a positive whole number");

        JsonNode labelsNode = root.get("metric_labels");
        if (labelsNode == null || !labelsNode.isObject()) throw refuse("metric_labels: expected an object of metric id to label");
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : labelsNode.properties()) {
            if (!e.getValue().isTextual() || e.getValue().textValue().isBlank() || e.getValue().textValue().length() > 200) {
                throw refuse("metric_labels." + e.getKey() + ": expected a label of 1 to 200 characters");
            }
            labels.put(e.getKey(), e.getValue().textValue());
        }

        JsonNode pointsNode = root.get("points");
        if (pointsNode == null || !pointsNode.isArray() || pointsNode.isEmpty()) throw refuse("points: expected a non-empty array");
        if (pointsNode.size() > MAX_POINTS) throw refuse("points: " + pointsNode.size() + " points; at most " + MAX_POINTS + " are accepted");
        List<SweepPoint> points = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        List<String> metricKeys = null;
        List<String> users = null;
        for (int p = 0; p < pointsNode.size(); p++) {
            String at = "points[" + p + "]";
            JsonNode point = pointsNode.get(p);
            if (!point.isObject()) throw refuse(at + ": expected an object");
            Map<String, Double> weights = weights(point.get("weights"), at + ".weights", objectives, divisions);
            List<Long> lattice = weights.values().stream().map(w -> Math.round(w * divisions)).toList();
            if (!seen.add(lattice)) throw refuse(at + ".weights: the same weights appear at an earlier point");

            JsonNode metricsNode = point.get("metrics");
            if (metricsNode == null || !metricsNode.isObject() || metricsNode.isEmpty()) throw refuse(at + ".metrics: expected a non-empty object of metric values");
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : metricsNode.properties()) {
                if (!KEY.matcher(e.getKey()).matches()) throw refuse(at + ".metrics: '" + e.getKey() + "' is not a metric id");
                if (!labels.containsKey(e.getKey())) throw refuse(at + ".metrics." + e.getKey() + ": the metric has no entry in metric_labels");
                metrics.put(e.getKey(), number(e.getValue(), at + ".metrics." + e.getKey()));
            }
            List<String> keys = List.copyOf(new java.util.TreeSet<>(metrics.keySet()));
            if (metricKeys == null) metricKeys = keys;
            else if (!metricKeys.equals(keys)) throw refuse(at + ".metrics: the point measures " + keys + " but points[0] measures " + metricKeys);

            JsonNode nd = point.get("non_dominated");
            if (nd == null || !nd.isBoolean()) throw refuse(at + ".non_dominated: expected true or false");
            JsonNode sha = point.get("model_sha256");
            if (sha == null || !sha.isTextual() || !SHA256.matcher(sha.textValue()).matches()) throw refuse(at + ".model_sha256: expected 64 lower-case hex digits");

            List<ExampleSlate> slates = slates(point.get("example_slates"), at + ".example_slates");
            List<String> slateUsers = slates.stream().map(ExampleSlate::user).toList();
            if (users == null) users = slateUsers;
            else if (!users.equals(slateUsers)) throw refuse(at + ".example_slates: the example users must be the same at every point, " + users + " at points[0]");
            points.add(new SweepPoint(weights, metrics, nd.booleanValue(), sha.textValue(), slates));
        }
        return new Sweep(objectives, step, kNode.intValue(), labels, points);
    }

    private static Map<String, Double> weights(JsonNode node, String at, List<String> objectives, int divisions) {
        if (node == null || !node.isObject()) throw refuse(at + ": expected an object of objective id to weight");
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!objectives.contains(e.getKey())) throw refuse(at + "." + e.getKey() + ": not one of the swept objectives " + objectives);
        }
        double sum = 0;
        for (String id : objectives) {
            JsonNode w = node.get(id);
            if (w == null) throw refuse(at + "." + id + ": missing; every point weighs every swept objective");
            double v = number(w, at + "." + id);
            if (v < -TOLERANCE || v > 1 + TOLERANCE) throw refuse(at + "." + id + ": a weight must be between 0 and 1, got " + v);
            if (Math.abs(v * divisions - Math.round(v * divisions)) > TOLERANCE * divisions) {
                throw refuse(at + "." + id + ": " + v + " is not on the lattice of step 1/" + divisions);
            }
            // stored exactly on the lattice, so equal points compare equal and interpolation finds them
            weights.put(id, (double) Math.round(v * divisions) / divisions);
            sum += v;
        }
        if (Math.abs(sum - 1) > TOLERANCE) throw refuse(at + ": the weights sum to " + sum + ", not 1");
        return weights;
    }

    private static List<ExampleSlate> slates(JsonNode node, String at) {
        if (node == null || !node.isArray()) throw refuse(at + ": expected an array of example slates");
        if (node.size() > MAX_SLATES) throw refuse(at + ": at most " + MAX_SLATES + " example slates");
        List<ExampleSlate> out = new ArrayList<>();
        for (int s = 0; s < node.size(); s++) {
            String here = at + "[" + s + "]";
            JsonNode slate = node.get(s);
            if (!slate.isObject()) throw refuse(here + ": expected an object");
            String user = text(slate.get("user"), here + ".user");
            JsonNode items = slate.get("items");
            if (items == null || !items.isArray() || items.size() > MAX_ITEMS) throw refuse(here + ".items: expected an array of at most " + MAX_ITEMS + " items");
            List<SlateItem> list = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String it = here + ".items[" + i + "]";
                JsonNode item = items.get(i);
                if (!item.isObject()) throw refuse(it + ": expected an object");
                JsonNode tags = item.get("tags");
                List<String> tagList = new ArrayList<>();
                if (tags != null && !tags.isNull()) {
                    if (!tags.isArray()) throw refuse(it + ".tags: expected an array of strings");
                    for (int t = 0; t < tags.size(); t++) tagList.add(text(tags.get(t), it + ".tags[" + t + "]"));
                }
                JsonNode group = item.get("provider_group");
                list.add(new SlateItem(text(item.get("id"), it + ".id"), text(item.get("title"), it + ".title"),
                        group == null || group.isNull() ? "" : text(group, it + ".provider_group"), tagList));
            }
            out.add(new ExampleSlate(user, list));
        }
        return out;
    }

    private static String text(JsonNode n, String at) {
        if (n == null || !n.isTextual() || n.textValue().length() > 300) throw refuse(at + ": expected a string of at most 300 characters");
        String problem = Texts.problem(n.textValue(), false);
        if (problem != null) throw refuse(at + ": " + problem);
        return n.textValue();
    }

    private static double number(JsonNode n, String at) {
        if (n == null || !n.isNumber()) throw refuse(at + ": expected a number");
        double v = n.doubleValue();
        if (!Double.isFinite(v)) throw refuse(at + ": " + n + " is not a finite number");
        return v;
    }

    private static Refused refuse(String detail) {
        return new Refused(Refused.Kind.INVALID_SWEEP, "sweep file: " + detail);
    }
}
