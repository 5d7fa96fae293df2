package org.mandate.deliberation.http;

import io.javalin.http.Context;
import org.mandate.deliberation.service.Refused;
import org.mandate.deliberation.service.StoredSweep;
import org.mandate.deliberation.service.SweepService;
import org.mandate.deliberation.service.TradeOff;
import org.mandate.deliberation.service.TradeOffs;
import org.mandate.deliberation.web.TradeOffView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.mandate.deliberation.http.ApiServer.bearer;
import static org.mandate.deliberation.http.ApiServer.json;
import static org.mandate.deliberation.http.ApiServer.panelId;

/**
 * The trade-off sweep of a panel: the organiser uploads it ({@code mandate-sweep/1}); anyone may read it
 * and ask what it predicts for a weight vector (the vote page does, while a member allocates points).
 */
final class SweepRoutes {

    /** Sweeps carry example slates for every lattice point, so they are allowed more than the API's other bodies. */
    static final int MAX_SWEEP_BYTES = 4 * 1024 * 1024;

    private final SweepService sweeps;

    SweepRoutes(SweepService sweeps) {
        this.sweeps = sweeps;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute("PUT", "/api/panels/{id}/sweep", "uploadSweep",
                        "Upload the panel's weight sweep (format mandate-sweep/1, up to 4 MiB) for the learn-phase trade-off explorer, until voting opens; it is validated completely and its SHA-256 is published in the ledger",
                        "organiser", List.of(), List.of("format:string", "objectives:string[]", "step:number", "k:integer", "metric_labels:object", "points:array"),
                        200, List.of(400, 401, 403, 404, 409, 413, 422), this::upload),
                new ApiRoute("GET", "/api/panels/{id}/sweep", "getSweep", "The panel's current weight sweep as validated and stored, with its SHA-256",
                        "none", List.of(), List.of(), 200, List.of(404), this::get),
                new ApiRoute("GET", "/api/panels/{id}/tradeoffs", "tradeOffs",
                        "What the panel's sweep predicts for a weight vector (weights=relevance:60,novelty:40; any non-negative numbers, normalised): barycentric interpolation between the lattice points around it (exact on a lattice point), metric changes against the relevance-only point, and the nearest lattice point with its example slates",
                        "none", List.of("weights:string", "lang:lang"), List.of(), 200, List.of(404, 422), this::tradeOffs));
    }

    private void upload(Context ctx) {
        long id = panelId(ctx);
        StoredSweep s = sweeps.upload(id, bearer(ctx), body(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", id);
        out.put("sha256", s.sha256());
        out.put("ledger_seq", s.ledgerSeq());
        out.put("objectives", s.sweep().objectives());
        out.put("points", s.sweep().points().size());
        json(ctx, 200, out);
    }

    private void get(Context ctx) {
        long id = panelId(ctx);
        sweeps.tradeOffs(id); // 404 for an unknown panel or a panel without a sweep
        StoredSweep s = sweeps.find(id).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", id);
        out.put("sha256", s.sha256());
        out.put("ledger_seq", s.ledgerSeq());
        out.put("sweep", s.sweep().toJson());
        json(ctx, 200, out);
    }

    private void tradeOffs(Context ctx) {
        long id = panelId(ctx);
        Locale locale = language(ctx);
        Map<String, Double> weights = parseWeights(ctx.queryParam("weights"));
        TradeOffs t = sweeps.tradeOffs(id);
        TradeOff p = t.predict(weights);
        Map<String, Object> out = new LinkedHashMap<>(p.toJson());
        out.put("panel", id);
        out.put("summary", TradeOffView.summary(p, t.sweep(), locale));
        out.put("metric_labels", t.sweep().metricLabels());
        out.put("objectives", t.sweep().objectives());
        // the same texts and formatted rows the learn page renders, so the script only places them
        out.put("rows", TradeOffView.rows(p.metrics(), p.changes(), t.sweep().points().get(p.baseline()), t.sweep(), locale));
        out.put("texts", TradeOffView.texts(p, t.sweep(), locale));
        out.put("nearest", t.sweep().points().get(p.nearest()).toJson());
        out.put("baseline", t.sweep().points().get(p.baseline()).toJson());
        json(ctx, 200, out);
    }

    /** {@code relevance:60,novelty:40}: ids and non-negative decimal numbers only, so NaN, infinities and signs never parse. */
    static Map<String, Double> parseWeights(String raw) {
        if (raw == null || raw.isBlank()) throw new Refused(Refused.Kind.INVALID, "weights are required, e.g. relevance:60,novelty:40");
        if (raw.length() > 1000) throw new Refused(Refused.Kind.INVALID, "weights must read objective:number, separated by commas (such as relevance:60,novelty:40), got '" + raw.substring(0, 40) + "…'");
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : raw.split(",", -1)) {
            String[] kv = part.strip().split(":", -1);
            if (kv.length != 2 || !kv[0].matches("[a-z][a-z0-9_]{0,63}") || !kv[1].matches("[0-9]{1,9}(\\.[0-9]{1,12})?")) {
                throw new Refused(Refused.Kind.INVALID, "weights must read objective:number, separated by commas (such as relevance:60,novelty:40), got '" + raw + "'");
            }
            if (out.put(kv[0], Double.parseDouble(kv[1])) != null) throw new Refused(Refused.Kind.INVALID, "the objective '" + kv[0] + "' is weighted twice");
        }
        return out;
    }

    private static Locale language(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang != null) {
            if (lang.equals("en") || lang.equals("fr")) return Locale.of(lang);
            throw RequestBody.invalid("lang must be en or fr");
        }
        return org.mandate.deliberation.web.WebPages.negotiate(ctx.header("Accept-Language"));
    }

    /**
     * Bodies up to this size are read to the end even when refused: closing a socket with unread request bytes
     * makes TCP reset it, and the reset can destroy the 413 before the client reads it (seen in CI).
     */
    static final long DRAIN_LIMIT = 4L * MAX_SWEEP_BYTES;

    /** The raw body within {@link #MAX_SWEEP_BYTES}, read here because the server-wide limit is for small JSON requests. */
    private static byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > MAX_SWEEP_BYTES) throw tooLarge(ctx, in, declared > DRAIN_LIMIT ? declared : 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_SWEEP_BYTES) throw tooLarge(ctx, in, out.size() + n);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw RequestBody.malformed("the body could not be read");
        }
    }

    /** Refuses an oversize body, reading the rest of it first when that is cheap (see {@link #DRAIN_LIMIT}). */
    private static ProblemException tooLarge(Context ctx, InputStream in, long alreadyRead) throws IOException {
        long read = alreadyRead;
        byte[] buffer = new byte[16 * 1024];
        int n;
        while (read <= DRAIN_LIMIT && (n = in.read(buffer)) > 0) read += n;
        // beyond the drain limit the rest stays unread, so this connection cannot carry another request
        if (read > DRAIN_LIMIT) ctx.header("Connection", "close");
        return new ProblemException(Problem.of("payload-too-large", "Request body too large", 413, "sweep files are limited to " + MAX_SWEEP_BYTES + " bytes"));
    }
}
