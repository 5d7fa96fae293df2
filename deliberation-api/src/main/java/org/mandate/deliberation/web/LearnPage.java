package org.mandate.deliberation.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.mandate.deliberation.service.ExampleSlate;
import org.mandate.deliberation.service.Member;
import org.mandate.deliberation.service.Panel;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Refused;
import org.mandate.deliberation.service.Sweep;
import org.mandate.deliberation.service.SweepPoint;
import org.mandate.deliberation.service.SweepService;
import org.mandate.deliberation.service.TradeOff;
import org.mandate.deliberation.service.TradeOffs;
import org.mandate.objectives.catalogue.Catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The learn page: what each objective on the panel's menu means (English or French, from the
 * catalogue) and the trade-off explorer built from the panel's weight sweep. Without JavaScript the
 * explorer is a form: the chosen weights go to the server, which shows the nearest lattice point (or
 * the lattice point picked in the table). With JavaScript ({@code tradeoff.js}) the same controls update
 * the prediction live from {@code GET /api/panels/{id}/tradeoffs}, interpolating between lattice points.
 */
public final class LearnPage {

    private final WebPages pages;
    private final PanelService panels;
    private final SweepService sweeps;

    public LearnPage(WebPages pages, PanelService panels, SweepService sweeps) {
        this.pages = pages;
        this.panels = panels;
        this.sweeps = sweeps;
    }

    public void register(RoutesConfig r) {
        r.get("/panel", this::learn);
    }

    private void learn(Context ctx) {
        Member me = pages.signedIn(ctx);
        Panel panel = panels.get(me.panelId());
        Locale locale = WebPages.locale(ctx);
        Map<String, Object> m = pages.model(ctx, me, panel);
        m.put("objectives", pages.objectives(panel, locale));
        Optional<TradeOffs> explorer = sweeps.find(panel.id()).map(s -> sweeps.tradeOffs(panel.id()));
        int status = 200;
        if (explorer.isPresent()) {
            try {
                m.put("explorer", explorer(ctx, explorer.get(), locale));
            } catch (Refused e) {
                // weights the form cannot use: show the reason and the relevance-only point
                m.put("explorer", explorer(null, explorer.get(), locale));
                m.put("explorer_error", Messages.problem(locale, e.getMessage()));
                status = e.kind().status();
            }
            m.put("panel_id", panel.id());
        }
        WebPages.render(ctx, status, "learn", m);
    }

    /** The explorer's model: the chosen lattice point against the baseline, the lattice table, the example slates. */
    private Map<String, Object> explorer(Context ctx, TradeOffs tradeOffs, Locale locale) {
        Sweep sweep = tradeOffs.sweep();
        int baseline = sweep.baseline();
        int chosen = ctx == null ? baseline : chosenPoint(ctx, tradeOffs);
        SweepPoint point = sweep.points().get(chosen);
        SweepPoint base = sweep.points().get(baseline);
        TradeOff t = tradeOffs.predict(point.weights());

        Map<String, Object> e = new LinkedHashMap<>();
        List<Map<String, Object>> sliders = new ArrayList<>();
        for (String id : sweep.objectives()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", id);
            s.put("name", Catalogue.get(id).name().in(locale));
            s.put("value", Math.round(point.weight(id) * 100));
            sliders.add(s);
        }
        e.put("sliders", sliders);
        e.put("slider_step", Math.max(1, (int) Math.round(sweep.step() * 100 / 5)));
        e.put("chosen", chosen);
        e.put("chosen_weights", TradeOffView.weights(point.weights(), locale));
        e.put("baseline_weights", TradeOffView.weights(base.weights(), locale));
        e.put("summary", TradeOffView.summary(t, sweep, locale));
        e.put("non_dominated", point.nonDominated());
        e.put("metrics", TradeOffView.rows(point.metrics(), t.changes(), base, sweep, locale));
        e.put("k", sweep.k());
        List<Map<String, Object>> slates = new ArrayList<>();
        for (int i = 0; i < point.exampleSlates().size(); i++) {
            ExampleSlate mine = point.exampleSlates().get(i);
            ExampleSlate theirs = base.exampleSlates().get(i);
            slates.add(Map.of("user", mine.user(), "chosen", mine.items(), "baseline", theirs.items()));
        }
        e.put("slates", slates);
        List<Map<String, Object>> lattice = new ArrayList<>();
        for (int i = 0; i < sweep.points().size(); i++) {
            SweepPoint p = sweep.points().get(i);
            TradeOff at = tradeOffs.predict(p.weights());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", i);
            row.put("weights", TradeOffView.weights(p.weights(), locale));
            row.put("summary", TradeOffView.summary(at, sweep, locale));
            row.put("non_dominated", p.nonDominated());
            row.put("chosen", i == chosen);
            row.put("baseline", i == baseline);
            lattice.add(row);
        }
        e.put("lattice", lattice);
        e.put("objective_ids", String.join(",", sweep.objectives()));
        return e;
    }

    /** {@code ?point=i} picks a lattice point; {@code ?w_<objective>=n...} picks the one nearest those weights; else the baseline. */
    private static int chosenPoint(Context ctx, TradeOffs tradeOffs) {
        Sweep sweep = tradeOffs.sweep();
        String point = ctx.queryParam("point");
        if (point != null) {
            if (!point.matches("[0-9]{1,5}") || Integer.parseInt(point) >= sweep.points().size()) {
                throw new Refused(Refused.Kind.INVALID, "there is no lattice point " + point);
            }
            return Integer.parseInt(point);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String id : sweep.objectives()) {
            String v = ctx.queryParam("w_" + id);
            if (v == null) continue;
            if (!v.strip().matches("[0-9]{1,3}(\\.[0-9]{1,6})?")) throw new Refused(Refused.Kind.INVALID, "the weight of " + id + " must be a finite number of at least 0");
            weights.put(id, Double.parseDouble(v.strip()));
        }
        if (weights.isEmpty()) return sweep.baseline();
        return tradeOffs.nearest(weights);
    }
}
