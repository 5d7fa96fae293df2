package org.mandate.training.sweep;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A weight sweep as the {@value #FORMAT} file the deliberation API stores per panel (trade-off explorer, live
 * feedback on the vote page): the swept objectives, the lattice step, k, a label per metric, and per point its
 * weights, every evaluated metric, whether it is non-dominated, its model's hash and the example users' slates.
 * Constructing one checks it, so {@link #of} (the writer) and {@link #read} (the reader) refuse the same files: a
 * format other than {@value #FORMAT}, weights off the listed objectives or not summing to 1 (± 1e-6), non-finite
 * metrics, metrics without a label, malformed hashes, example users that change between points. Errors name the
 * JSON path of the first problem ({@code points[3].weights.novelty: ...}).
 */
public record SweepFile(List<String> objectives, double step, int k, SortedMap<String, String> metricLabels,
                        List<Point> points) {

    public static final String FORMAT = "mandate-sweep/1";
    static final double TOLERANCE = 1e-6;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * One trained lattice point.
     *
     * @param weights       every swept objective's weight, summing to 1
     * @param metrics       catalogue id → headline metric on the held-out users
     * @param nonDominated  no other point is at least as good on every swept objective and better on one
     * @param modelSha256   the trained parameters' hash (as in the run manifest)
     * @param exampleSlates the example users' top items, the same users at every point
     */
    public record Point(SortedMap<String, Double> weights, SortedMap<String, Double> metrics, boolean nonDominated,
                        String modelSha256, List<ExampleSlate> exampleSlates) {

        public Point {
            weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
            metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
            exampleSlates = List.copyOf(exampleSlates);
        }
    }

    public SweepFile {
        objectives = List.copyOf(objectives);
        metricLabels = Collections.unmodifiableSortedMap(new TreeMap<>(metricLabels));
        points = List.copyOf(points);
        if (objectives.size() < 2) throw refuse("objectives", "a sweep trades off at least two objectives, got " + objectives);
        for (int i = 0; i < objectives.size(); i++) {
            if (!Catalogue.contains(objectives.get(i))) throw refuse("objectives[" + i + "]", "'" + objectives.get(i) + "' is not a catalogue objective");
            if (objectives.indexOf(objectives.get(i)) != i) throw refuse("objectives[" + i + "]", "'" + objectives.get(i) + "' is listed twice");
        }
        if (!(step > 0 && step <= 1) || Math.abs(1 / step - Math.round(1 / step)) > TOLERANCE * Math.max(1, 1 / step)) {
            throw refuse("step", "expected a number in (0, 1] that divides 1, got " + step);
        }
        if (k < 1) throw refuse("k", "expected a positive whole number, got " + k);
        metricLabels.forEach((id, label) -> {
            if (label == null || label.isBlank()) throw refuse("metric_labels." + id, "expected a non-blank label");
        });
        if (points.isEmpty()) throw refuse("points", "expected at least one point");
        Set<String> swept = Set.copyOf(objectives);
        List<String> users = null;
        Set<List<Double>> seen = new HashSet<>();
        for (int p = 0; p < points.size(); p++) {
            String at = "points[" + p + "]";
            Point point = points.get(p);
            for (String id : point.weights().keySet()) {
                if (!swept.contains(id)) throw refuse(at + ".weights." + id, "not one of the swept objectives " + objectives);
            }
            double sum = 0;
            for (String id : objectives) {
                Double w = point.weights().get(id);
                if (w == null) throw refuse(at + ".weights." + id, "missing; every point weighs every swept objective");
                if (!(w >= -TOLERANCE && w <= 1 + TOLERANCE)) throw refuse(at + ".weights." + id, "a weight must be in [0, 1], got " + w);
                sum += w;
            }
            if (Math.abs(sum - 1) > TOLERANCE) throw refuse(at + ".weights", "the weights sum to " + sum + ", not 1");
            if (!seen.add(objectives.stream().map(id -> (double) Math.round(point.weights().get(id) / step)).toList())) {
                throw refuse(at + ".weights", "the same weights appear at an earlier point");
            }
            if (point.metrics().isEmpty()) throw refuse(at + ".metrics", "expected at least one metric");
            for (Map.Entry<String, Double> m : point.metrics().entrySet()) {
                if (m.getValue() == null || !Double.isFinite(m.getValue())) throw refuse(at + ".metrics." + m.getKey(), "not a finite number: " + m.getValue());
                if (!metricLabels.containsKey(m.getKey())) throw refuse(at + ".metrics." + m.getKey(), "the metric has no entry in metric_labels");
            }
            if (!point.metrics().keySet().equals(points.getFirst().metrics().keySet())) {
                throw refuse(at + ".metrics", "measures " + point.metrics().keySet() + " but points[0] measures " + points.getFirst().metrics().keySet());
            }
            if (point.modelSha256() == null || !SHA256.matcher(point.modelSha256()).matches()) {
                throw refuse(at + ".model_sha256", "expected 64 lower-case hex digits");
            }
            List<String> slateUsers = point.exampleSlates().stream().map(ExampleSlate::user).toList();
            if (users == null) users = slateUsers;
            else if (!users.equals(slateUsers)) throw refuse(at + ".example_slates", "the example users must be those of points[0], " + users + ", got " + slateUsers);
        }
    }

    /** The file of a finished sweep: every point, every evaluated metric, labels from the catalogue and the metric names. */
    public static SweepFile of(SweepResult result) {
        if (result.points().isEmpty()) throw new IllegalArgumentException("the sweep has no points");
        int k = result.points().getFirst().evaluation().k();
        TreeMap<String, String> labels = new TreeMap<>();
        result.points().getFirst().evaluation().metrics().forEach((id, m) ->
                labels.put(id, Catalogue.get(id).name().en() + " (" + m.metric() + ")"));
        List<Point> points = new ArrayList<>();
        for (SweepPoint p : result.points()) {
            TreeMap<String, Double> weights = new TreeMap<>();
            for (String id : result.objectives()) weights.put(id, p.weights().getOrDefault(id, 0.0));
            TreeMap<String, Double> metrics = new TreeMap<>();
            p.evaluation().metrics().forEach((id, m) -> metrics.put(id, m.value()));
            boolean front = result.nonDominated().stream().anyMatch(q -> q == p);
            points.add(new Point(weights, metrics, front, p.manifest().modelSha256(), p.exampleSlates()));
        }
        return new SweepFile(result.objectives(), result.step(), k, labels, points);
    }

    /** The JSON tree of the file (maps, lists, strings, numbers, booleans). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("objectives", objectives);
        json.put("step", step);
        json.put("k", k);
        json.put("metric_labels", metricLabels);
        List<Object> list = new ArrayList<>();
        for (Point p : points) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("weights", p.weights());
            point.put("metrics", p.metrics());
            point.put("non_dominated", p.nonDominated());
            point.put("model_sha256", p.modelSha256());
            List<Object> slates = new ArrayList<>();
            for (ExampleSlate s : p.exampleSlates()) {
                List<Object> items = new ArrayList<>();
                for (ExampleSlate.Item i : s.items()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", i.id());
                    item.put("title", i.title());
                    item.put("provider_group", i.providerGroup());
                    item.put("tags", i.tags());
                    items.add(item);
                }
                slates.add(Map.of("user", s.user(), "items", items));
            }
            point.put("example_slates", slates);
            list.add(point);
        }
        json.put("points", list);
        return json;
    }

    /** The RFC 8785 canonical JSON text. */
    public String json() {
        return CanonicalJson.write(toJson());
    }

    /** Writes {@link #json()} to {@code file} (UTF-8), through a temporary file so a reader never sees half a file. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, json(), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static SweepFile read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses and checks a {@value #FORMAT} text; anything else is an {@link IllegalArgumentException} naming where. */
    public static SweepFile read(String text) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a sweep file: " + e.getMessage(), e);
        }
        Object format = root.get("format");
        if (!FORMAT.equals(format)) throw refuse("format", "expected \"" + FORMAT + "\", got " + (format == null ? "nothing" : "\"" + format + "\""));
        List<String> objectives = new ArrayList<>();
        List<?> objs = list(root.get("objectives"), "objectives");
        for (int i = 0; i < objs.size(); i++) objectives.add(string(objs.get(i), "objectives[" + i + "]"));
        double step = number(root.get("step"), "step");
        double kValue = number(root.get("k"), "k");
        if (kValue != Math.rint(kValue) || kValue > Integer.MAX_VALUE) throw refuse("k", "expected a whole number, got " + kValue);
        TreeMap<String, String> labels = new TreeMap<>();
        object(root.get("metric_labels"), "metric_labels").forEach((id, label) -> labels.put(id, string(label, "metric_labels." + id)));
        List<Point> points = new ArrayList<>();
        List<?> ps = list(root.get("points"), "points");
        for (int p = 0; p < ps.size(); p++) {
            String at = "points[" + p + "]";
            Map<String, Object> point = object(ps.get(p), at);
            TreeMap<String, Double> weights = new TreeMap<>();
            object(point.get("weights"), at + ".weights").forEach((id, w) -> weights.put(id, number(w, at + ".weights." + id)));
            TreeMap<String, Double> metrics = new TreeMap<>();
            object(point.get("metrics"), at + ".metrics").forEach((id, m) -> metrics.put(id, number(m, at + ".metrics." + id)));
            if (!(point.get("non_dominated") instanceof Boolean nonDominated)) throw refuse(at + ".non_dominated", "expected true or false");
            String sha = string(point.get("model_sha256"), at + ".model_sha256");
            List<ExampleSlate> slates = new ArrayList<>();
            List<?> ss = list(point.get("example_slates"), at + ".example_slates");
            for (int s = 0; s < ss.size(); s++) {
                String here = at + ".example_slates[" + s + "]";
                Map<String, Object> slate = object(ss.get(s), here);
                List<ExampleSlate.Item> items = new ArrayList<>();
                List<?> is = list(slate.get("items"), here + ".items");
                for (int i = 0; i < is.size(); i++) {
                    String it = here + ".items[" + i + "]";
                    Map<String, Object> item = object(is.get(i), it);
                    List<String> tags = new ArrayList<>();
                    List<?> ts = item.get("tags") == null ? List.of() : list(item.get("tags"), it + ".tags");
                    for (int t = 0; t < ts.size(); t++) tags.add(string(ts.get(t), it + ".tags[" + t + "]"));
                    items.add(new ExampleSlate.Item(string(item.get("id"), it + ".id"), string(item.get("title"), it + ".title"),
                            string(item.get("provider_group"), it + ".provider_group"), tags));
                }
                slates.add(new ExampleSlate(string(slate.get("user"), here + ".user"), items));
            }
            points.add(new Point(weights, metrics, nonDominated, sha, slates));
        }
        return new SweepFile(objectives, step, (int) kValue, labels, points);
    }

    private static IllegalArgumentException refuse(String path, String problem) {
        return new IllegalArgumentException("not a valid " + FORMAT + " file: " + path + ": " + problem);
    }

    private static double number(Object o, String at) {
        if (!(o instanceof Number n)) throw refuse(at, "expected a number, got " + describe(o));
        double v = n.doubleValue();
        if (!Double.isFinite(v)) throw refuse(at, "not a finite number: " + o);
        return v;
    }

    private static String string(Object o, String at) {
        if (!(o instanceof String s)) throw refuse(at, "expected a string, got " + describe(o));
        return s;
    }

    private static List<?> list(Object o, String at) {
        if (!(o instanceof List<?> l)) throw refuse(at, "expected an array, got " + describe(o));
        return l;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String at) {
        if (!(o instanceof Map<?, ?> m)) throw refuse(at, "expected an object, got " + describe(o));
        return (Map<String, Object>) m;
    }

    private static String describe(Object o) {
        return o == null ? "nothing" : o instanceof String s ? "\"" + s + "\"" : o.toString();
    }
}
