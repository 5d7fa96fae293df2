package org.mandate.audit.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An organiser uploaded a trade-off sweep for a panel before voting opened: the SHA-256 of the sweep's
 * canonical JSON, so an auditor holding the file can tell exactly which trade-offs voters were shown,
 * with its format, objectives, grid step and number of points, and the uploader's pseudonym.
 *
 * <p>Payload: {@code {"by","format","objectives","panel","points","step","sweep_sha256"}}.
 *
 * @param by the organiser's pseudonymous id (never an identity)
 */
public record SweepPublished(long panelId, String sweepSha256, String format, List<String> objectives, double step, long points, String by)
        implements LedgerEvent {

    public static final String KIND = "sweep";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SweepPublished {
        if (sweepSha256 == null || !SHA256.matcher(sweepSha256).matches()) {
            throw new IllegalArgumentException("sweep hash must be 64 lower-case hex digits, got " + sweepSha256);
        }
        if (format == null || format.isBlank()) throw new IllegalArgumentException("a sweep names its format");
        objectives = List.copyOf(Objects.requireNonNull(objectives, "objectives"));
        if (objectives.isEmpty()) throw new IllegalArgumentException("a sweep covers at least one objective");
        if (!(step > 0 && step <= 1)) throw new IllegalArgumentException("a sweep's grid step is in (0, 1], got " + step);
        if (points < 1) throw new IllegalArgumentException("a sweep has at least one point, got " + points);
        if (by == null || by.isBlank()) throw new IllegalArgumentException("a sweep entry names its uploader's pseudonym");
    }

    @Override public String kind() { return KIND; }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("sweep_sha256", sweepSha256);
        json.put("format", format);
        json.put("objectives", objectives);
        json.put("step", step);
        json.put("points", points);
        json.put("by", by);
        return json;
    }

    static SweepPublished fromJson(Map<String, Object> json) {
        return new SweepPublished(JsonTrees.integer(json, "panel"), JsonTrees.string(json, "sweep_sha256"), JsonTrees.string(json, "format"),
                JsonTrees.strings(json, "objectives"), JsonTrees.number(json, "step"), JsonTrees.integer(json, "points"), JsonTrees.string(json, "by"));
    }
}
