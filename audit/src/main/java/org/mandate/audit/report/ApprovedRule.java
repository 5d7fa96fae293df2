package org.mandate.audit.report;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.mandate.Bound;
import org.mandate.objectives.mandate.Mandate;
import org.mandate.objectives.mandate.Personalisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rule the mandate carries beyond its weights (a floor or ceiling, a data-use rule, a limit on
 * personalisation, exposure targets), in plain words, with the panel's vote on it where the publisher
 * knows it. The list is derived from the mandate itself, so the report can never show a rule the model
 * was not held to, nor hide one it was.
 *
 * @param id   stable key, e.g. {@code floor.public_value}, {@code data_use.forbid.age}; the key of {@link ReportInput#ruleVotes()}
 * @param kind {@code floor}, {@code ceiling}, {@code data_use}, {@code personalisation} or {@code exposure}
 * @param vote null when the vote on the rule is not known
 */
public record ApprovedRule(String id, String kind, String en, String fr, RuleVote vote) {

    /** The mandate's rules in a fixed order, each with its vote when {@code votes} has it. */
    public static List<ApprovedRule> of(Mandate m, Map<String, RuleVote> votes) {
        List<ApprovedRule> out = new ArrayList<>();
        for (Bound b : m.bounds()) {
            boolean floor = b.kind() == Bound.Kind.FLOOR;
            String id = (floor ? "floor." : "ceiling.") + b.objective();
            String value = Html.number(b.value(), Locale.ROOT), valueFr = Html.number(b.value(), Locale.FRENCH);
            out.add(new ApprovedRule(id, floor ? "floor" : "ceiling",
                    name(b.objective(), false) + (floor ? " at least " : " at most ") + value,
                    name(b.objective(), true) + (floor ? " au moins " : " au plus ") + valueFr, votes.get(id)));
        }
        for (String attribute : m.dataUse().forbiddenAttributes()) {
            String id = "data_use.forbid." + attribute;
            out.add(new ApprovedRule(id, "data_use", "The model never reads the attribute “" + attribute + "”",
                    "Le modèle ne lit jamais l'attribut « " + attribute + " »", votes.get(id)));
        }
        Integer age = m.dataUse().maxInteractionAgeDays();
        if (age != null) {
            String id = "data_use.max_interaction_age_days";
            out.add(new ApprovedRule(id, "data_use", "Only interactions from the last " + age + " days are used",
                    "Seules les interactions des " + age + " derniers jours sont utilisées", votes.get(id)));
        }
        Personalisation p = m.personalisation();
        if (p != null) {
            String id = "personalisation.max_shift";
            String shift = Html.percent(p.maxShift(), Locale.ROOT), shiftFr = Html.percent(p.maxShift(), Locale.FRENCH);
            out.add(new ApprovedRule(id, "personalisation", "Each user may move the weights of their own list by at most " + shift
                    + " (total variation from the voted weights)",
                    "Chaque utilisateur peut déplacer les poids de sa propre liste d'au plus " + shiftFr + " (variation totale par rapport aux poids votés)",
                    votes.get(id)));
            for (String locked : p.locked()) {
                String lid = "personalisation.locked." + locked;
                out.add(new ApprovedRule(lid, "personalisation", "No user may lower the weight of " + name(locked, false) + " below the voted weight",
                        "Aucun utilisateur ne peut baisser le poids de " + name(locked, true) + " sous le poids voté", votes.get(lid)));
            }
        }
        if (!m.exposureTargets().isEmpty()) {
            StringBuilder en = new StringBuilder(), fr = new StringBuilder();
            m.exposureTargets().forEach((group, share) -> {
                if (!en.isEmpty()) { en.append(", "); fr.append(", "); }
                en.append(group).append(' ').append(Html.percent(share, Locale.ROOT));
                fr.append(group).append(' ').append(Html.percent(share, Locale.FRENCH));
            });
            out.add(new ApprovedRule("exposure_targets", "exposure", "Target exposure shares of provider groups: " + en,
                    "Parts d'exposition visées par groupe de producteurs : " + fr, votes.get("exposure_targets")));
        }
        return List.copyOf(out);
    }

    public String text(boolean french) {
        return french ? fr : en;
    }

    private static String name(String objective, boolean fr) {
        return Catalogue.find(objective).map(o -> fr ? o.name().fr() : o.name().en()).orElse(objective);
    }
}
