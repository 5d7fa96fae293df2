package org.mandate.deliberation.service;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.mandate.training.sweep.SweepFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an uploaded (or stored) {@code mandate-sweep/1} file into a {@link Sweep}. The format has one
 * definition, the training module's {@link SweepFile}, which writes these files and refuses the same ones
 * it would never write; this class only adds what serving the file to voters needs besides: strict JSON
 * (no duplicate keys), bounded sizes, texts fit to show, and weights exactly on the lattice (the
 * trade-off explorer interpolates between lattice points). Every refusal is a {@link Refused}
 * INVALID_SWEEP naming the JSON path of the first problem ({@code sweep file: points[3].weights.novelty: ...}).
 */
public final class SweepReader {

    static final double TOLERANCE = 1e-6;
    /** Enough for a step of 0.05 over four objectives (1,771 points); more is almost certainly a mistake. */
    public static final int MAX_POINTS = 5_000;
    static final int MAX_SLATES = 10;
    static final int MAX_ITEMS = 50;
    static final int MAX_LABEL = 200;
    static final int MAX_TEXT = 300;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** How SweepFile prefixes its refusals, which already name the JSON path; stripped so the path leads. */
    private static final String SWEEP_FILE_PREFIX = "not a valid " + SweepFile.FORMAT + " file: ";

    // SweepFile's parser keeps the last of duplicate keys; an upload must mean one thing, so they are refused here first
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SweepReader() {}

    public static Sweep read(byte[] json) {
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JacksonException e) {
            throw refuse("the file is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw refuse("the file could not be read");
        }
        if (root == null || !root.isObject()) throw refuse("the file must be a JSON object");
        // valid JSON from bytes is valid UTF-8, so the text is exactly what was parsed
        SweepFile file;
        try {
            file = SweepFile.read(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw refuse(m.startsWith(SWEEP_FILE_PREFIX) ? m.substring(SWEEP_FILE_PREFIX.length()) : m);
        }
        return sweep(file);
    }

    public static Sweep read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The checks beyond the format, then the deliberation API's own records. */
    private static Sweep sweep(SweepFile file) {
        if (file.points().size() > MAX_POINTS) throw refuse("points: " + file.points().size() + " points; at most " + MAX_POINTS + " are accepted");
        Map<String, String> labels = new LinkedHashMap<>();
        file.metricLabels().forEach((id, label) -> labels.put(id, text(label, "metric_labels." + id, MAX_LABEL)));
        int divisions = (int) Math.round(1 / file.step());
        List<SweepPoint> points = new ArrayList<>();
        for (int p = 0; p < file.points().size(); p++) {
            String at = "points[" + p + "]";
            SweepFile.Point point = file.points().get(p);
            Map<String, Double> weights = new LinkedHashMap<>();
            for (String id : file.objectives()) {
                double w = point.weights().get(id);
                if (Math.abs(w * divisions - Math.round(w * divisions)) > TOLERANCE * divisions) {
                    throw refuse(at + ".weights." + id + ": " + w + " is not on the lattice of step 1/" + divisions);
                }
                // stored exactly on the lattice, so equal points compare equal and interpolation finds them
                weights.put(id, (double) Math.round(w * divisions) / divisions);
            }
            for (String id : point.metrics().keySet()) {
                if (!KEY.matcher(id).matches()) throw refuse(at + ".metrics: '" + id + "' is not a metric id");
            }
            points.add(new SweepPoint(weights, point.metrics(), point.nonDominated(), point.modelSha256(),
                    slates(point.exampleSlates(), at + ".example_slates")));
        }
        return new Sweep(file.objectives(), file.step(), file.k(), labels, points);
    }

    private static List<ExampleSlate> slates(List<org.mandate.training.sweep.ExampleSlate> slates, String at) {
        if (slates.size() > MAX_SLATES) throw refuse(at + ": at most " + MAX_SLATES + " example slates");
        List<ExampleSlate> out = new ArrayList<>();
        for (int s = 0; s < slates.size(); s++) {
            String here = at + "[" + s + "]";
            var slate = slates.get(s);
            if (slate.items().size() > MAX_ITEMS) throw refuse(here + ".items: expected an array of at most " + MAX_ITEMS + " items");
            List<SlateItem> items = new ArrayList<>();
            for (int i = 0; i < slate.items().size(); i++) {
                String it = here + ".items[" + i + "]";
                var item = slate.items().get(i);
                List<String> tags = new ArrayList<>();
                for (int t = 0; t < item.tags().size(); t++) tags.add(text(item.tags().get(t), it + ".tags[" + t + "]", MAX_TEXT));
                items.add(new SlateItem(text(item.id(), it + ".id", MAX_TEXT), text(item.title(), it + ".title", MAX_TEXT),
                        text(item.providerGroup(), it + ".provider_group", MAX_TEXT), tags));
            }
            out.add(new ExampleSlate(text(slate.user(), here + ".user", MAX_TEXT), items));
        }
        return out;
    }

    /** A text voters will read: bounded, and free of control characters and broken Unicode. */
    private static String text(String s, String at, int max) {
        if (s.length() > max) throw refuse(at + ": expected a string of at most " + max + " characters");
        String problem = Texts.problem(s, false);
        if (problem != null) throw refuse(at + ": " + problem);
        return s;
    }

    private static Refused refuse(String detail) {
        return new Refused(Refused.Kind.INVALID_SWEEP, "sweep file: " + detail);
    }
}
