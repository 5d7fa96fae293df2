package org.mandate.deliberation.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.mandate.deliberation.jobs.JobProblem;
import org.mandate.deliberation.jobs.TrainingJob;
import org.mandate.deliberation.jobs.TrainingJobs;
import org.mandate.deliberation.service.Refused;
import org.mandate.objectives.json.CanonicalJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training runs over HTTP: the organiser starts one (202, the job runs in the background), anyone reads its state
 * and progress. Reading is public, as the ledger and the mandate are: a run is a public fact of the decision, and an
 * auditor needs no seat to follow it.
 */
final class TrainingRunRoutes {

    private final TrainingJobs jobs;

    TrainingRunRoutes(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute("POST", "/api/panels/{id}/training-runs", "startTrainingRun",
                        "Train the recommender under the panel's published mandate, in the background; answers the queued run",
                        "organiser", List.of(), List.of(), 202, List.of(401, 403, 404, 409, 503), translated(this::start)),
                new ApiRoute("GET", "/api/training-runs/{run}", "trainingRun",
                        "A training run: state (queued, running, succeeded, failed), progress (step, epoch x of y), restarts and where it resumed after a server restart, error, ledger entries",
                        "none", List.of(), List.of(), 200, List.of(404), translated(this::get)),
                new ApiRoute("GET", "/api/panels/{id}/training-runs", "listTrainingRuns", "The panel's training runs, oldest first",
                        "none", List.of(), List.of(), 200, List.of(404), translated(this::list)));
    }

    private void start(Context ctx) {
        TrainingJob job = jobs.submit(id(ctx, "id", "panel"), bearer(ctx));
        ctx.header("Location", "/api/training-runs/" + job.id());
        json(ctx, 202, Map.of("training_run", job.toJson()));
    }

    private void get(Context ctx) {
        json(ctx, 200, Map.of("training_run", jobs.get(id(ctx, "run", "training run")).toJson()));
    }

    private void list(Context ctx) {
        long panel = id(ctx, "id", "panel");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", panel);
        out.put("training_runs", jobs.ofPanel(panel).stream().map(TrainingJob::toJson).toList());
        json(ctx, 200, out);
    }

    /** The jobs' own refusals as problems; {@link Refused} is answered by the server's common handler. */
    static Handler translated(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (JobProblem e) {
                throw new ProblemException(Problem.of(e.slug(), e.title(), e.status(), e.getMessage()));
            }
        };
    }

    static long id(Context ctx, String param, String what) {
        String raw = ctx.pathParam(param);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new Refused(Refused.Kind.NOT_FOUND, "there is no " + what + " '" + raw + "'");
        }
    }

    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(CanonicalJson.write(body));
    }
}
