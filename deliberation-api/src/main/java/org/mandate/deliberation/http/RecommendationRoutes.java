package org.mandate.deliberation.http;

import io.javalin.http.Context;
import org.mandate.deliberation.jobs.JobProblem;
import org.mandate.deliberation.jobs.ServedModels;
import org.mandate.deliberation.jobs.TrainingJob;
import org.mandate.deliberation.jobs.TrainingJobs;
import org.mandate.deliberation.service.PanelService;
import org.mandate.training.serve.Recommendation;
import org.mandate.training.serve.RecommendationRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/panels/{id}/recommendations}: a user's list from the panel's latest succeeded model, for the
 * mandate's weights or the user's own ({@code weights=relevance:0.7,novelty:0.3}) when the mandate's personalisation
 * allows them, or the shared list not based on profiling ({@code mode=non-profiling}). The panel is a path
 * parameter, as everywhere else in this API: a model belongs to the panel whose mandate it was trained under.
 */
final class RecommendationRoutes {

    private static final int DEFAULT_K = 10;

    private final TrainingJobs jobs;
    private final PanelService panels;

    RecommendationRoutes(TrainingJobs jobs, PanelService panels) {
        this.jobs = jobs;
        this.panels = panels;
    }

    List<ApiRoute> routes() {
        return List.of(new ApiRoute("GET", "/api/panels/{id}/recommendations", "recommendations",
                "A user's top k from the panel's latest trained model, for the voted weights, the user's own weights within the "
                        + "mandate's personalisation rules, or the list not based on profiling (mode=non-profiling)",
                "none", List.of("user:integer", "weights:string", "mode:string", "k:integer"), List.of(), 200,
                List.of(400, 404, 409, 422), TrainingRunRoutes.translated(this::recommend)));
    }

    private void recommend(Context ctx) {
        long panel = TrainingRunRoutes.id(ctx, "id", "panel");
        RecommendationRequest.Mode mode = mode(ctx.queryParam("mode"));
        Integer user = ctx.queryParam("user") == null ? null : integer(ctx.queryParam("user"), "invalid-user", "user");
        int k = ctx.queryParam("k") == null ? DEFAULT_K : integer(ctx.queryParam("k"), "invalid-k", "k");
        if (k < 1 || k > RecommendationRequest.MAX_K) {
            throw bad("invalid-k", "k must be between 1 and " + RecommendationRequest.MAX_K + ", got " + k);
        }
        Map<String, Double> weights = ctx.queryParam("weights") == null ? null : weights(ctx.queryParam("weights"));
        panels.get(panel);
        TrainingJob job = jobs.latestSucceeded(panel).orElseThrow(() -> new JobProblem("no-model", "No trained model", 404,
                "panel " + panel + " has no succeeded training run yet; POST /api/panels/" + panel + "/training-runs"));
        ServedModels served = jobs.served();
        Recommendation r = served.recommend(job, user, weights, mode, k);
        List<Object> items = new ArrayList<>();
        int rank = 1;
        for (int item : r.items()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rank", rank++);
            json.putAll(served.describe(item));
            items.add(json);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", panel);
        out.put("training_run", job.id());
        out.put("model_sha256", job.modelSha256());
        out.put("mandate_hash", job.mandateHash());
        out.put("user", mode == RecommendationRequest.Mode.PERSONAL ? user : null);
        out.put("mode", mode == RecommendationRequest.Mode.PERSONAL ? "personal" : "non-profiling");
        out.put("weights", r.weights());
        out.put("shift", r.shift());
        out.put("ignored_objectives", r.ignored());
        out.put("k", k);
        out.put("items", items);
        TrainingRunRoutes.json(ctx, 200, out);
    }

    private static RecommendationRequest.Mode mode(String raw) {
        if (raw == null || raw.equals("personal")) return RecommendationRequest.Mode.PERSONAL;
        if (raw.equals("non-profiling")) return RecommendationRequest.Mode.NON_PROFILING;
        throw bad("invalid-mode", "mode must be 'personal' or 'non-profiling', got '" + raw + "'");
    }

    private static int integer(String raw, String slug, String name) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw bad(slug, name + " must be an integer, got '" + raw + "'");
        }
    }

    /** {@code relevance:0.7,novelty:0.3}: the syntax is checked here (400), the values by the mandate's rules (422). */
    static Map<String, Double> weights(String raw) {
        Map<String, Double> out = new TreeMap<>();
        for (String part : raw.split(",", -1)) {
            String[] kv = part.strip().split(":", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw bad("invalid-weights", "weights must read like relevance:0.7,novelty:0.3; '" + part + "' does not");
            }
            double w;
            try {
                w = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw bad("invalid-weights", "the weight of '" + kv[0].strip() + "' is not a number: '" + kv[1] + "'");
            }
            if (out.put(kv[0].strip(), w) != null) throw bad("invalid-weights", "'" + kv[0].strip() + "' is given twice");
        }
        return out;
    }

    private static JobProblem bad(String slug, String detail) {
        return new JobProblem(slug, "Invalid query", 400, detail);
    }
}
