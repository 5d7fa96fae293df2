package org.mandate.app;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.metrics.ItemFeatures;
import org.mandate.training.split.HoldoutSplit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation data a bundle publishes so anyone can re-run the evaluation: the item side information
 * measured on the training users (popularity, provider groups, category mix, tags), the cut-off k, and each held-out user's fold-in history (the model's
 * input) and held-out items (the truth), under pseudonymous row numbers. Publishing histories is a
 * data-protection decision for a real deployment; the demo's audience is synthetic.
 */
record EvaluationDataFile(ItemFeatures features, int k, HoldoutSplit heldOut) {

    static final String NAME = "evaluation-data.json";

    void write(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_version", 1);
        json.put("k", k);
        json.put("popularity", doubles(features.popularity()));
        json.put("provider_group", ints(features.providerGroup()));
        json.put("provider_groups", features.providerGroups());
        json.put("categories", features.categories());
        List<Object> rows = new ArrayList<>();
        for (double[] row : features.categoryMatrix()) rows.add(doubles(row));
        json.put("category_matrix", rows);
        Map<String, Object> tags = new LinkedHashMap<>();
        features.tags().forEach((name, flags) -> {
            List<Boolean> list = new ArrayList<>(flags.length);
            for (boolean f : flags) list.add(f);
            tags.put(name, list);
        });
        json.put("tags", tags);
        json.put("public_value_tag", features.publicValueTag());
        List<Object> users = new ArrayList<>();
        for (int u = 0; u < heldOut.heldOutUsers().length; u++) {
            users.add(Map.of("fold_in", ints(heldOut.foldIn()[u]), "held_out", ints(heldOut.heldOut()[u])));
        }
        json.put("users", users);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, CanonicalJson.write(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static EvaluationDataFile read(Path file) {
        Map<String, Object> json;
        try {
            json = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<?> users = (List<?>) json.get("users");
        int[][] foldIn = new int[users.size()][], truth = new int[users.size()][];
        int[] rows = new int[users.size()];
        for (int u = 0; u < users.size(); u++) {
            Map<?, ?> user = (Map<?, ?>) users.get(u);
            foldIn[u] = ints((List<?>) user.get("fold_in"));
            truth[u] = ints((List<?>) user.get("held_out"));
            rows[u] = u;
        }
        @SuppressWarnings("unchecked")
        List<String> groups = (List<String>) json.get("provider_groups");
        @SuppressWarnings("unchecked")
        List<String> categories = (List<String>) json.get("categories");
        List<?> rowsJson = (List<?>) json.get("category_matrix");
        double[][] matrix = new double[rowsJson.size()][];
        for (int i = 0; i < matrix.length; i++) matrix[i] = doubles((List<?>) rowsJson.get(i));
        java.util.TreeMap<String, boolean[]> tags = new java.util.TreeMap<>();
        ((Map<?, ?>) json.get("tags")).forEach((name, flagsJson) -> {
            List<?> list = (List<?>) flagsJson;
            boolean[] flags = new boolean[list.size()];
            for (int i = 0; i < flags.length; i++) flags[i] = (Boolean) list.get(i);
            tags.put((String) name, flags);
        });
        ItemFeatures features = new ItemFeatures(doubles((List<?>) json.get("popularity")), ints((List<?>) json.get("provider_group")),
                groups, categories, matrix, tags, (String) json.get("public_value_tag"));
        return new EvaluationDataFile(features, ((Number) json.get("k")).intValue(), new HoldoutSplit(new int[0], rows, foldIn, truth, 0));
    }

    private static List<Double> doubles(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) out.add(v);
        return out;
    }

    private static List<Integer> ints(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int v : values) out.add(v);
        return out;
    }

    private static double[] doubles(List<?> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) values.get(i)).doubleValue();
        return out;
    }

    private static int[] ints(List<?> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) values.get(i)).intValue();
        return out;
    }
}
