package org.mandate.deliberation.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training run of a panel's published mandate, as the {@code training_runs} table holds it.
 *
 * @param step   the trainer's current phase ({@code calibration:<objective>}, {@code training}, ...) or what the
 *               job is doing around it ({@code queued}, {@code loading data}, {@code saving}, {@code done})
 * @param epoch  epochs finished in {@code step}
 * @param epochs epochs in {@code step} (0 when the step is not counted in epochs)
 * @param restarts     how often the job was queued again because its server stopped while it ran
 * @param resumedStep  where the latest restart picked up: the first step it trained (null before any restart, or
 *                     while the restart has not trained an epoch yet)
 * @param resumedEpoch the first epoch of {@code resumedStep} it trained; the earlier ones came from checkpoints
 */
public record TrainingJob(long id, long panelId, String mandateHash, JobState state, String step, int epoch, int epochs,
                          String error, String artifactDir, String modelSha256, Long trainingSeq, Long evaluationSeq,
                          Instant createdAt, Instant startedAt, Instant finishedAt, int restarts, String resumedStep,
                          Integer resumedEpoch) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("panel", panelId);
        json.put("mandate_hash", mandateHash);
        json.put("state", state.id());
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("step", step);
        progress.put("epoch", epoch);
        progress.put("epochs", epochs);
        json.put("progress", progress);
        json.put("error", error);
        json.put("restarts", restarts);
        if (resumedStep == null) {
            json.put("resumed_at", null);
        } else {
            Map<String, Object> resumed = new LinkedHashMap<>();
            resumed.put("step", resumedStep);
            resumed.put("epoch", resumedEpoch);
            json.put("resumed_at", resumed);
        }
        json.put("model_sha256", modelSha256);
        json.put("training_run_seq", trainingSeq);
        json.put("evaluation_seq", evaluationSeq);
        json.put("created_at", createdAt.toString());
        json.put("started_at", startedAt == null ? null : startedAt.toString());
        json.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        return json;
    }
}
