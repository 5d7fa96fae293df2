package org.mandate.app;

import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.training.data.CsvInteractions;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.LoadOptions;
import org.mandate.training.data.MovieLens100k;
import org.mandate.training.data.MovieLens1m;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.data.TimedInteractions;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interactions named by {@code --data}/{@code --format}, loaded under a mandate's data-use rules, with an
 * account of what was read and what the age limit removed (written to {@code data-use.json} by {@code train}).
 * The age limit is applied here, after loading, rather than inside the loader, so that we can say how much it dropped.
 */
final class DataSource {

    static final Set<String> OPTIONS = Set.of("data", "format", "items", "users");
    static final List<String> FORMATS = List.of("movielens-100k", "movielens-1m", "csv", "synthetic");
    /** Everything the synthetic generator produces; it cannot withhold any of it. */
    private static final List<String> SYNTHETIC_FIELDS = List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.GENRE,
            LoadOptions.PROVIDER_GROUP, LoadOptions.LOCAL);

    /** @param dataUse JSON-ready account: source, fields read, rules applied, what the age filter removed */
    record Loaded(InteractionData data, Map<String, Object> dataUse) {}

    private DataSource() {}

    /** @param seed seeds the synthetic generator; real data ignores it */
    static Loaded load(Args args, DataUseRules rules, long seed) {
        String format = args.require("format");
        if (!FORMATS.contains(format)) {
            throw new Args.UsageException("--format must be one of " + String.join(", ", FORMATS) + ", got '" + format + "'");
        }
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("format", format);
        Loaded loaded = format.equals("synthetic") ? synthetic(args, rules, seed, account) : real(format, args, rules, account);
        // A held-out split needs users on both sides.
        if (loaded.data().userCount() < 4) {
            throw new Args.UsageException("only " + loaded.data().userCount() + " user(s) with interactions are left; at least 4 are needed to split");
        }
        return loaded;
    }

    private static Loaded synthetic(Args args, DataUseRules rules, long seed, Map<String, Object> account) {
        if (args.has("data")) throw new Args.UsageException("--format synthetic generates its data; leave out --data");
        if (rules.maxInteractionAgeDays() != null) {
            throw new Args.UsageException("synthetic data has no timestamps, so the mandate's interaction age limit cannot be applied");
        }
        for (String field : rules.forbiddenAttributes()) {
            if (SYNTHETIC_FIELDS.contains(field)) {
                throw new Args.UsageException("the mandate forbids '" + field + "', which synthetic data always contains; use a real data set");
            }
        }
        SyntheticBroadcaster.Config config;
        try {
            config = SyntheticBroadcaster.Config.defaults(seed).withSize(args.getInt("items", 2_000), args.getInt("users", 5_000));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("synthetic data: " + e.getMessage());
        }
        InteractionData data = SyntheticBroadcaster.generate(config);
        account.put("source", "generated (seed " + seed + ", " + config.items() + " items, " + config.users() + " users): no personal data");
        account.put("fields_read", SYNTHETIC_FIELDS);
        account.put("forbidden_fields", rules.forbiddenAttributes());
        account.put("max_interaction_age_days", null);
        account.put("age_filter", null);
        return new Loaded(data, account);
    }

    private static Loaded real(String format, Args args, DataUseRules rules, Map<String, Object> account) {
        if (args.has("users")) throw new Args.UsageException("--users only sizes --format synthetic");
        if (args.has("items") && !format.equals("csv")) throw new Args.UsageException("--items names the items file of --format csv");
        Path data = Path.of(args.require("data"));
        LoadOptions options;
        try {
            options = LoadOptions.forDataUse(rules).withMaxAgeDays(null);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        TimedInteractions all;
        try {
            all = switch (format) {
                case "movielens-100k" -> MovieLens100k.load(data, options);
                case "movielens-1m" -> MovieLens1m.load(data, options);
                default -> CsvInteractions.load(data, Path.of(args.require("items")), options);
            };
        } catch (NoSuchFileException e) {
            throw new Args.UsageException("no such file: " + e.getFile());
        } catch (IOException e) {
            throw new Args.UsageException("cannot read the data: " + e);
        } catch (IllegalArgumentException e) {
            // DataFileException and other malformed-input complaints carry the file and line.
            throw new Args.UsageException(e.getMessage());
        }
        TimedInteractions kept = all;
        Integer days = rules.maxInteractionAgeDays();
        if (days != null) {
            kept = all.withMaxAgeDays(days);
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("reference", "the newest interaction in the data, epoch second " + all.newestTimestamp());
            filter.put("interactions_before", all.data().interactionCount());
            filter.put("interactions_removed", all.data().interactionCount() - kept.data().interactionCount());
            filter.put("users_before", all.data().userCount());
            filter.put("users_removed", all.data().userCount() - kept.data().userCount());
            account.put("age_filter", filter);
        } else {
            account.put("age_filter", null);
        }
        List<String> violations = kept.violations(rules);
        if (!violations.isEmpty()) throw new IllegalStateException("loaded data breaks the mandate's data-use rules: " + violations);
        account.put("source", data.toAbsolutePath().normalize().toString());
        account.put("fields_read", kept.fieldsRead());
        account.put("forbidden_fields", rules.forbiddenAttributes());
        account.put("max_interaction_age_days", days);
        return new Loaded(kept.data(), account);
    }
}
