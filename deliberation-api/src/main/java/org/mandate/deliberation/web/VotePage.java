package org.mandate.deliberation.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.mandate.deliberation.service.ApprovalItem;
import org.mandate.deliberation.service.BallotKind;
import org.mandate.deliberation.service.BallotService;
import org.mandate.deliberation.service.DelegationService;
import org.mandate.deliberation.service.DelegationState;
import org.mandate.deliberation.service.Member;
import org.mandate.deliberation.service.Panel;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Proposal;
import org.mandate.deliberation.service.Receipt;
import org.mandate.deliberation.service.Refused;
import org.mandate.deliberation.service.VoteSettings;
import org.mandate.deliberation.service.VoteSettingsService;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.Slate;
import org.mandate.objectives.catalogue.Catalogue;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The vote page: one form per ballot kind the panel offers (points, floors, slate comparisons, a ranking
 * of proposals, yes/no on data-use rules: attributes never read, interaction-age limits), each cast on its own and answered with a receipt, and the
 * member's delegation (delegate by handle, revoke). The server validates everything; forms only collect.
 */
public final class VotePage {

    /** Pairs of slates shown for comparison: consecutive slates, enough for a fit without tiring anyone. */
    static final int MAX_PAIRS = 8;

    private final WebPages pages;
    private final PanelService panels;
    private final BallotService ballots;
    private final VoteSettingsService settings;
    private final DelegationService delegations;

    public VotePage(WebPages pages, PanelService panels, BallotService ballots, VoteSettingsService settings, DelegationService delegations) {
        this.pages = pages;
        this.panels = panels;
        this.ballots = ballots;
        this.settings = settings;
        this.delegations = delegations;
    }

    public void register(RoutesConfig r) {
        r.get("/panel/vote", this::show);
        r.post("/panel/vote", this::cast);
        r.post("/panel/delegation", this::delegate);
        r.post("/panel/delegation/revoke", this::revoke);
    }

    private void show(Context ctx) {
        Member me = pages.signedIn(ctx);
        page(ctx, me, 200, null, null, Map.of());
    }

    /** Renders the page; {@code failedKind} and {@code typed} put a refused form back as the member filled it. */
    private void page(Context ctx, Member me, int status, String error, BallotKind failedKind, Map<String, String> typed) {
        Panel panel = panels.get(me.panelId());
        Locale locale = WebPages.locale(ctx);
        VoteSettings s = settings.get(panel.id());
        Map<String, Object> m = pages.model(ctx, me, panel);
        boolean open = panel.phase() == Phase.VOTE && me.role() == Member.Role.MEMBER;
        m.put("open", open);
        m.put("error", error);
        m.put("error_kind", failedKind == null ? null : failedKind.id());
        m.put("personalisation", PersonalisationView.of(s.personalisation(), locale));
        for (BallotKind k : BallotKind.values()) m.put("offers_" + k.id(), s.offers(k));

        List<Map<String, Object>> objectives = pages.objectives(panel, locale);
        int n = objectives.size();
        double total = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Object> o = objectives.get(i);
            String id = (String) o.get("id");
            // a fair first suggestion: equal shares, remainder on the first objectives
            String typedPoints = typed.get("points_" + id);
            o.put("value", typedPoints != null ? typedPoints : String.valueOf(100 / n + (i < 100 % n ? 1 : 0)));
            Double p = typedPoints == null ? Double.valueOf(100 / n + (i < 100 % n ? 1 : 0)) : parseNumber(typedPoints, 0.0);
            if (p != null && Double.isFinite(p)) total += p;
            o.put("floor", typed.getOrDefault("floor_" + id, ""));
            o.put("floor_kind", Catalogue.get(id).direction().name().equals("MAXIMISE") ? "floor" : "ceiling");
        }
        m.put("objectives", objectives);
        m.put("total", total == Math.rint(total) ? String.valueOf((long) total) : String.valueOf(total));

        if (s.offers(BallotKind.COMPARISON)) m.put("pairs", pairs(s, panel, locale, typed));
        if (s.offers(BallotKind.RANKING)) {
            List<Map<String, Object>> proposals = new ArrayList<>();
            for (Proposal p : s.proposals()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", p.id());
                row.put("label", p.label());
                row.put("status_quo", p.id().equals(s.statusQuo()));
                row.put("weights", describe(p.weights(), panel, locale));
                row.put("rank", typed.getOrDefault("rank_" + p.id(), ""));
                proposals.add(row);
            }
            m.put("proposals", proposals);
            List<String> ranks = new ArrayList<>();
            for (int i = 1; i <= proposals.size(); i++) ranks.add(String.valueOf(i));
            m.put("ranks", ranks);
        }
        if (s.offers(BallotKind.APPROVAL)) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (ApprovalItem i : s.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", i.id());
                row.put("label", i.label());
                // what a yes adopts, in plain words: the attribute never read, or the age limit on interactions
                switch (i) {
                    case ApprovalItem.ForbidAttribute f -> row.put("attribute", f.forbidAttribute());
                    case ApprovalItem.AgeLimit a -> row.put("age", Messages.format(locale, "vote.approval.age", String.valueOf(a.days())));
                }
                row.put("choice", typed.getOrDefault("approve_" + i.id(), ""));
                items.add(row);
            }
            m.put("items", items);
        }
        if (me.role() == Member.Role.MEMBER) {
            DelegationState d = delegations.state(panel.id(), WebPages.token(ctx));
            m.put("delegation", d);
            m.put("delegation_open", panel.phase() != Phase.CLOSED);
        }
        WebPages.render(ctx, status, "vote", m);
    }

    private static List<Map<String, Object>> pairs(VoteSettings s, Panel panel, Locale locale, Map<String, String> typed) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Slate> slates = s.slates();
        for (int i = 0; i + 1 < slates.size() && out.size() < MAX_PAIRS; i++) {
            Slate a = slates.get(i), b = slates.get(i + 1);
            Map<String, Object> pair = new LinkedHashMap<>();
            String field = "pref_" + a.id() + "__" + b.id();
            pair.put("field", field);
            pair.put("a", a.id());
            pair.put("b", b.id());
            List<Map<String, Object>> rows = new ArrayList<>();
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(3);
            for (String id : panel.menu().objectives()) {
                rows.add(Map.of("name", Catalogue.get(id).name().in(locale), "a", f.format(a.metric(id)), "b", f.format(b.metric(id))));
            }
            pair.put("rows", rows);
            pair.put("value", typed.getOrDefault(field, "0"));
            out.add(pair);
        }
        return out;
    }

    private static String describe(Map<String, Double> weights, Panel panel, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        List<String> parts = new ArrayList<>();
        for (String id : panel.menu().objectives()) {
            double w = weights.getOrDefault(id, 0.0);
            if (w > 0) parts.add(Catalogue.get(id).name().in(locale) + " " + Messages.format(locale, "percent", f.format(w * 100)));
        }
        return String.join(" · ", parts);
    }

    private void cast(Context ctx) {
        WebPages.requireCsrf(ctx);
        Member me = pages.signedIn(ctx);
        Panel panel = panels.get(me.panelId());
        BallotKind kind = BallotKind.of(Optional.ofNullable(ctx.formParam("kind")).orElse(BallotKind.WEIGHTS.id()));
        VoteSettings s = settings.get(panel.id());
        Map<String, String> typed = new TreeMap<>();
        ctx.formParamMap().forEach((k, v) -> { if (!v.isEmpty() && !k.equals("csrf")) typed.put(k, v.getFirst().strip()); });
        try {
            Map<String, Object> body = body(kind, panel, s, typed);
            Receipt r = ballots.submit(panel.id(), WebPages.token(ctx), kind, body);
            Map<String, Object> m = pages.model(ctx, me, panel);
            m.put("receipt", r);
            m.put("kind", kind.id());
            WebPages.render(ctx, 201, "receipt", m);
        } catch (BallotRejected | Refused e) {
            int status = e instanceof Refused f ? f.kind().status()
                    : ((BallotRejected) e).reason() == BallotRejected.Reason.ALREADY_VOTED ? 409 : 422;
            page(ctx, me, status, Messages.problem(WebPages.locale(ctx), e.getMessage()), kind, typed);
        }
    }

    /** The form's fields as the API body of this kind; unreadable numbers become NaN so the ballot is refused with its reason. */
    private static Map<String, Object> body(BallotKind kind, Panel panel, VoteSettings s, Map<String, String> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (kind) {
            case WEIGHTS -> {
                Map<String, Object> points = new LinkedHashMap<>();
                for (String id : panel.menu().objectives()) points.put(id, parseNumber(typed.getOrDefault("points_" + id, ""), 0.0));
                body.put("points", points);
            }
            case FLOORS -> {
                Map<String, Object> floors = new LinkedHashMap<>();
                for (String id : panel.menu().objectives()) {
                    String v = typed.getOrDefault("floor_" + id, "");
                    if (!v.isEmpty()) floors.put(id, parseNumber(v, null));
                }
                body.put("floors", floors);
            }
            case COMPARISON -> {
                List<Object> comparisons = new ArrayList<>();
                for (int i = 0; i + 1 < s.slates().size() && i < MAX_PAIRS; i++) {
                    String a = s.slates().get(i).id(), b = s.slates().get(i + 1).id();
                    String v = typed.getOrDefault("pref_" + a + "__" + b, "");
                    if (v.isEmpty()) continue;
                    Double p = parseNumber(v, null);
                    comparisons.add(Map.of("a", a, "b", b, "preference", p == null || !Double.isFinite(p) ? Double.NaN : p));
                }
                body.put("comparisons", comparisons);
            }
            case RANKING -> {
                TreeMap<Integer, List<String>> byRank = new TreeMap<>();
                for (Proposal p : s.proposals()) {
                    String v = typed.getOrDefault("rank_" + p.id(), "");
                    if (v.isEmpty()) continue;
                    int rank;
                    try {
                        rank = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new Refused(Refused.Kind.INVALID, "the rank of '" + p.label() + "' must be a whole number");
                    }
                    byRank.computeIfAbsent(rank, k -> new ArrayList<>()).add(p.id());
                }
                body.put("ranking", new ArrayList<>(byRank.values()));
            }
            case APPROVAL -> {
                Map<String, Object> votes = new LinkedHashMap<>();
                for (ApprovalItem i : s.items()) {
                    String v = typed.getOrDefault("approve_" + i.id(), "");
                    if (v.equals("yes")) votes.put(i.id(), true);
                    else if (v.equals("no")) votes.put(i.id(), false);
                }
                body.put("votes", votes);
            }
        }
        return body;
    }

    /** A typed number: blank is {@code blank}; anything unreadable is NaN, so the ballot is refused with its reason. */
    private static Double parseNumber(String v, Double blank) {
        if (v.isEmpty()) return blank;
        if (!v.matches("-?[0-9]{1,9}([.,][0-9]{1,9})?")) return Double.NaN;
        return Double.parseDouble(v.replace(',', '.'));
    }

    private void delegate(Context ctx) {
        WebPages.requireCsrf(ctx);
        Member me = pages.signedIn(ctx);
        try {
            delegations.delegate(me.panelId(), WebPages.token(ctx), WebPages.form(ctx, "delegate"));
            ctx.redirect("/panel/vote#delegation", HttpStatus.SEE_OTHER);
        } catch (Refused e) {
            page(ctx, me, e.kind().status(), Messages.problem(WebPages.locale(ctx), e.getMessage()), null, Map.of());
        }
    }

    private void revoke(Context ctx) {
        WebPages.requireCsrf(ctx);
        Member me = pages.signedIn(ctx);
        try {
            delegations.revoke(me.panelId(), WebPages.token(ctx));
            ctx.redirect("/panel/vote#delegation", HttpStatus.SEE_OTHER);
        } catch (Refused e) {
            page(ctx, me, e.kind().status(), Messages.problem(WebPages.locale(ctx), e.getMessage()), null, Map.of());
        }
    }
}
