package org.mandate.training.data;

import org.mandate.objectives.mandate.DataUseRules;

import java.util.List;

/**
 * What a loader keeps of the data it reads.
 *
 * @param maxAgeDays      drop interactions more than this many days older than the newest kept
 *                        interaction (a mandate's {@link DataUseRules#maxInteractionAgeDays()}); null keeps every age
 * @param minRating       binarise explicit feedback: only rows whose rating (or CSV weight) is at least this
 *                        count as interactions, e.g. 4 for "rated 4 or 5 stars" as Liang et al. (2018) do;
 *                        null counts every row and leaves the rating unread
 * @param forbiddenFields fields a mandate forbids (names as in {@link DataUseRules#forbiddenAttributes()}):
 *                        forbidden item attributes are not read (defaults stand in), and a forbidden field
 *                        the loaders cannot do without is refused here, before any file is opened
 */
public record LoadOptions(Integer maxAgeDays, Double minRating, List<String> forbiddenFields) {

    public static final String USER = "interactions.user";
    public static final String ITEM = "interactions.item";
    public static final String TIMESTAMP = "interactions.timestamp";
    /** A rating, or the CSV {@code weight} column. */
    public static final String RATING = "interactions.rating";
    public static final String GENRE = "items.genre";
    public static final String PROVIDER_GROUP = "items.provider_group";
    public static final String LOCAL = "items.local";

    /** Every row, whatever its age or rating, and every available field. */
    public static final LoadOptions ALL = new LoadOptions(null, null);

    public LoadOptions {
        if (maxAgeDays != null && maxAgeDays < 1) throw new IllegalArgumentException("maxAgeDays must be at least 1");
        if (minRating != null && !Double.isFinite(minRating)) throw new IllegalArgumentException("minRating must be finite");
        forbiddenFields = forbiddenFields == null ? List.of() : forbiddenFields.stream().sorted().distinct().toList();
        for (String needed : List.of(USER, ITEM, TIMESTAMP)) {
            if (forbiddenFields.contains(needed)) {
                throw new IllegalArgumentException("'" + needed + "' is forbidden, but interactions cannot be loaded without it; refusing to load");
            }
        }
        if (minRating != null && forbiddenFields.contains(RATING)) {
            throw new IllegalArgumentException("'" + RATING + "' is forbidden, so ratings cannot be binarised; refusing to load");
        }
    }

    public LoadOptions(Integer maxAgeDays, Double minRating) {
        this(maxAgeDays, minRating, List.of());
    }

    /** The age limit and forbidden fields of a mandate's data-use rules, with no binarisation. */
    public static LoadOptions forDataUse(DataUseRules rules) {
        return new LoadOptions(rules.maxInteractionAgeDays(), null, rules.forbiddenAttributes());
    }

    public LoadOptions withMaxAgeDays(Integer days) {
        return new LoadOptions(days, minRating, forbiddenFields);
    }

    public LoadOptions withMinRating(Double rating) {
        return new LoadOptions(maxAgeDays, rating, forbiddenFields);
    }

    /** Whether a loader may read this field. */
    public boolean allows(String field) {
        return !forbiddenFields.contains(field);
    }
}
