package org.mandate.audit.report;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.metrics.MetricValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structured twin of the HTML page: the same facts as a plain JSON tree, written as canonical JSON
 * so its SHA-256 can be put in the ledger and checked by anyone holding the file.
 */
public final class ReportJson {

    public static final int SCHEMA_VERSION = 2;

    private ReportJson() {}

    public static Map<String, Object> tree(ReportInput in) {
        return tree(in, ReportSections.NONE);
    }

    /** The tree with the optional sections; {@code trade_off} and {@code strata} appear only when given. */
    public static Map<String, Object> tree(ReportInput in, ReportSections sections) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_version", SCHEMA_VERSION);
        json.put("title", in.title());
        json.put("generated_at", in.generatedAt().toString());
        json.put("panel", panel(in));

        Map<String, Object> tally = null;
        if (in.tally() != null) {
            tally = new LinkedHashMap<>();
            tally.put("hash", in.tally().sha256());
            tally.put("record", in.tally().toJsonValue());
        }
        json.put("tally", tally);

        Map<String, Object> mandate = new LinkedHashMap<>();
        mandate.put("hash", in.mandate().sha256());
        mandate.put("record", in.mandate().toJsonValue());
        mandate.put("tally_hash_matches", in.tallyMatchesMandate());
        json.put("mandate", mandate);

        List<Object> objectives = new ArrayList<>();
        for (Objective o : Catalogue.all()) {
            Map<String, Object> obj = new LinkedHashMap<>();
            obj.put("id", o.id());
            obj.put("name", Map.of("en", o.name().en(), "fr", o.name().fr()));
            obj.put("description", Map.of("en", o.description().en(), "fr", o.description().fr()));
            obj.put("direction", o.direction().name().toLowerCase());
            obj.put("weight", in.mandate().weight(o.id()));
            obj.put("interval", interval(in, o.id()));
            objectives.add(obj);
        }
        json.put("objectives", objectives);

        json.put("runs", in.runs().stream().map(r -> run(r, in)).toList());
        json.put("comparisons", in.comparisons().stream().map(ReportJson::comparison).toList());
        in.practitionerBaselines().ifPresent(b -> json.put("practitioner_baselines", b.toJsonValue()));

        json.put("configuration", in.configuration() == null ? null : in.configuration().toJsonValue());
        json.put("phases", in.phases().stream().map(ph -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("from", ph.from());
            p.put("to", ph.to());
            p.put("at", ph.at());
            return (Object) p;
        }).toList());
        json.put("sweeps", in.sweeps().stream().map(sw -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", sw.seq());
            m.put("sweep_sha256", sw.event().sweepSha256());
            m.put("format", sw.event().format());
            m.put("objectives", sw.event().objectives());
            m.put("step", sw.event().step());
            m.put("points", sw.event().points());
            return (Object) m;
        }).toList());
        json.put("weight_intervals", in.weightIntervals() == null ? null : in.weightIntervals().toJsonValue());
        json.put("rules", in.rules().stream().map(ReportJson::rule).toList());
        json.put("bound_results", in.bounds().stream().map(ReportJson::bound).toList());
        json.put("bridging_statements", in.bridging().stream().map(ReportJson::bridging).toList());
        Map<String, Object> datasheet = new LinkedHashMap<>();
        datasheet.put("fields", in.datasheet().fields());
        datasheet.put("declared", in.datasheet().declared());
        datasheet.put("total", in.datasheet().fields().size());
        json.put("datasheet", datasheet);
        Map<String, Object> choice = new LinkedHashMap<>();
        var personalisation = in.mandate().personalisation();
        if (personalisation == null) {
            choice.put("personalisation", null);
        } else {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("max_shift", personalisation.maxShift());
            p.put("locked", List.copyOf(personalisation.locked()));
            choice.put("personalisation", p);
        }
        choice.put("non_profiling_option", in.nonProfilingOption());
        json.put("user_choice", choice);

        Map<String, Object> ledger = new LinkedHashMap<>();
        ledger.put("entries", in.ledger().entries());
        ledger.put("head_hash", in.ledger().headHash());
        ledger.put("verified", in.ledger().verified());
        ledger.put("message", in.ledger().verificationMessage());
        ledger.put("verify_command", ReportHtml.command(in));
        json.put("ledger", ledger);
        json.put("verification", verification(in.verification()));
        if (sections.tradeOff() != null) json.put("trade_off", sections.tradeOff().toJsonValue());
        if (!sections.strata().isEmpty()) json.put("strata", sections.strata().stream().map(t -> t.publish().toJsonValue()).toList());
        return json;
    }

    private static Map<String, Object> interval(ReportInput in, String objective) {
        var ci = in.weightIntervals();
        if (ci == null || !ci.lower().containsKey(objective)) return null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("level", ci.level());
        json.put("lower", ci.lower().get(objective));
        json.put("upper", ci.upper().get(objective));
        return json;
    }

    private static Object rule(ApprovedRule r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("kind", r.kind());
        json.put("text", Map.of("en", r.en(), "fr", r.fr()));
        json.put("approvals", r.vote() == null ? null : r.vote().approvals());
        json.put("ballots", r.vote() == null ? null : r.vote().ballots());
        json.put("share", r.vote() == null ? null : r.vote().share());
        return json;
    }

    private static Object bound(BoundResult b) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("objective", b.objective());
        json.put("kind", b.kind().name().toLowerCase());
        json.put("threshold", b.threshold());
        json.put("achieved", b.achieved());
        json.put("met", b.met());
        return json;
    }

    private static Object bridging(BridgingStatement s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("text", s.text());
        json.put("consensus", s.consensus());
        json.put("groups", s.groups().stream().map(g -> {
            Map<String, Object> gj = new LinkedHashMap<>();
            gj.put("group", g.group());
            gj.put("members", g.members());
            gj.put("agree", g.agree());
            gj.put("disagree", g.disagree());
            gj.put("pass", g.pass());
            gj.put("agreement", g.agreement());
            return (Object) gj;
        }).toList());
        return json;
    }

    private static Map<String, Object> verification(VerificationSummary v) {
        if (v == null) return null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkpoint", v.checkpoint() == null ? null : v.checkpoint().toJsonValue());
        json.put("checkpoint_root_matches", v.checkpointRootMatches());
        json.put("consistent", v.consistent());
        json.put("ledger_size", v.ledgerSize());
        json.put("ledger_root", v.ledgerRoot());
        json.put("ballots_root", v.ballotsRoot());
        json.put("ballots_root_recomputed", v.ballotsRootRecomputed());
        json.put("counted_ballots", v.countedBallots());
        json.put("command", v.command());
        return json;
    }

    private static Map<String, Object> panel(ReportInput in) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", in.panel().name());
        p.put("members", in.panel().members());
        p.put("ballots", in.panel().ballots());
        p.put("ballots_counted", in.tally() == null ? null : in.tally().ballotCount());
        p.put("turnout", in.turnout());
        p.put("rule", in.panel().rule());
        p.put("rule_rationale", in.panel().ruleRationale());
        return p;
    }

    private static Map<String, Object> run(RunSummary r, ReportInput in) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", r.label());
        json.put("mandate_hash", r.mandateHash());
        json.put("trained_under_mandate", r.mandateHash().equals(in.mandate().sha256()));
        json.put("weights", r.weights());
        Map<String, Object> metrics = new TreeMap<>();
        for (Map.Entry<String, MetricValue> e : r.metrics().entrySet()) metrics.put(e.getKey(), e.getValue().toJsonValue());
        json.put("metrics", metrics);
        json.put("manifest", r.manifest());
        return json;
    }

    private static Map<String, Object> comparison(Comparison c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("baseline", c.baseline().label());
        json.put("run", c.run().label());
        json.put("trained_under_mandate", c.trainedUnderMandate());
        List<Object> rows = new ArrayList<>();
        for (Comparison.Row row : c.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("objective", row.objective().id());
            r.put("metric", row.metric());
            r.put("direction", row.objective().direction().name().toLowerCase());
            r.put("baseline_value", row.baselineValue());
            r.put("value", row.value());
            r.put("baseline_weight", row.baselineWeight());
            r.put("weight", row.weight());
            r.put("improvement", row.improvement());
            r.put("relative_improvement", row.relativeImprovement());
            r.put("movement", row.movement().id());
            r.put("consistent_with_weights", row.movement().consistent());
            r.put("bounds", row.bounds().stream().map(b -> {
                Map<String, Object> bj = new LinkedHashMap<>();
                bj.put("kind", b.bound().kind().name().toLowerCase());
                bj.put("value", b.bound().value());
                bj.put("met", b.met());
                return (Object) bj;
            }).toList());
            rows.add(r);
        }
        json.put("objectives", rows);
        return json;
    }
}
