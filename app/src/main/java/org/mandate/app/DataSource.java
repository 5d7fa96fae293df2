package org.mandate.app;

import org.mandate.objectives.mandate.DataUseRules;
import org.mandate.training.data.CsvInteractions;
import org.mandate.training.data.InteractionData;
import org.mandate.training.data.LoadOptions;
import org.mandate.training.data.MovieLens100k;
import org.mandate.training.data.MovieLens1m;
import org.mandate.training.data.SyntheticBroadcaster;
import org.mandate.training.data.TimedInteractions;
import org.mandate.training.run.AgeFilter;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interactions named by {@code --data}/{@code --format}, loaded without the fields the mandate forbids, with an
 * account of what was read (written to {@code data-use.json} by {@code train}). The interaction-age limit is the
 * training module's to apply ({@link AgeFilter}, inside {@link org.mandate.training.run.TrainingRun}): {@code train}
 * hands it the timed interactions and the reference instant (the newest interaction); {@code evaluate} and
 * {@code recommend} get the same filter, with the same reference, so they see the data the run was trained on.
 */
final class DataSource {

    static final Set<String> OPTIONS = Set.of("data", "format", "items", "users");
    static final List<String> FORMATS = List.of("movielens-100k", "movielens-1m", "csv", "synthetic");
    /** Everything the synthetic generator produces; it cannot withhold any of it. */
    private static final List<String> SYNTHETIC_FIELDS = List.of(LoadOptions.USER, LoadOptions.ITEM, LoadOptions.GENRE,
            LoadOptions.PROVIDER_GROUP, LoadOptions.LOCAL);

    /**
     * @param data      the interactions under every data-use rule, the age limit included (what a run trained on)
     * @param timed     everything loaded, with timestamps, before the age limit (null for synthetic data)
     * @param reference the instant interaction ages are measured from: the newest interaction (null for synthetic data)
     * @param dataUse   JSON-ready account: source, fields read, rules applied
     */
    record Loaded(InteractionData data, TimedInteractions timed, Instant reference, Map<String, Object> dataUse) {}

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
        return new Loaded(data, null, null, account);
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
        // A data export has no trustworthy "today" of its own: ages count from its newest interaction.
        Instant reference = all.data().interactionCount() == 0 ? Instant.EPOCH : Instant.ofEpochSecond(all.newestTimestamp());
        Integer days = rules.maxInteractionAgeDays();
        InteractionData kept = days == null || all.data().interactionCount() == 0 ? all.data() : AgeFilter.apply(all, days, reference).kept().data();
        List<String> violations = all.violations(new DataUseRules(rules.forbiddenAttributes(), null));
        if (!violations.isEmpty()) throw new IllegalStateException("loaded data breaks the mandate's data-use rules: " + violations);
        account.put("source", data.toAbsolutePath().normalize().toString());
        account.put("fields_read", all.fieldsRead());
        account.put("forbidden_fields", rules.forbiddenAttributes());
        account.put("max_interaction_age_days", days);
        return new Loaded(kept, all, reference, account);
    }
}
