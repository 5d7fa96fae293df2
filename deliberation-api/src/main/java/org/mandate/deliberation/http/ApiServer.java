package org.mandate.deliberation.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.deliberation.service.BallotService;
import org.mandate.deliberation.service.CastBallot;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.PublishedMandate;
import org.mandate.deliberation.service.Receipt;
import org.mandate.deliberation.service.Refused;
import org.mandate.deliberation.service.Session;
import org.mandate.deliberation.service.TallyOutcome;
import org.mandate.deliberation.service.TallyService;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON API panels vote through. Handlers only translate: read the body, call a service, write the
 * answer as canonical JSON; every refusal becomes an RFC 9457 problem. Stateless: any number of
 * instances may share one PostgreSQL.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

    /** Every request this API accepts is small; anything bigger is refused before it is parsed. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String JSON = "application/json";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final PanelService panels;
    private final MemberService members;
    private final BallotService ballots;
    private final TallyService tallies;
    private final LedgerStore ledger;
    private final Javalin app;

    public ApiServer(PanelService panels, MemberService members, BallotService ballots, TallyService tallies, LedgerStore ledger) {
        this.panels = panels;
        this.members = members;
        this.ballots = ballots;
        this.tallies = tallies;
        this.ledger = ledger;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            routes(config.routes);
            problems(config.routes);
        });
    }

    /** Wires the services over one database. */
    public ApiServer(Jdbi jdbi) {
        this(new PanelService(jdbi), new MemberService(jdbi), new BallotService(jdbi), new TallyService(jdbi), new LedgerStore(jdbi));
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public ApiServer start(String host, int port) {
        app.start(host, port);
        log.info("deliberation API listening on http://{}:{}/api", host, app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void routes(RoutesConfig r) {
        r.post("/api/panels", this::createPanel);
        r.get("/api/panels/{id}", ctx -> json(ctx, 200, Map.of("panel", panels.get(panelId(ctx)).toJson())));
        r.post("/api/panels/{id}/invitations", this::invite);
        r.post("/api/join", this::join);
        r.post("/api/panels/{id}/phase", this::movePhase);
        r.post("/api/panels/{id}/ballots", this::castBallot);
        r.post("/api/panels/{id}/tally", this::tally);
        r.get("/api/panels/{id}/mandate", this::mandate);
        r.get("/api/ledger", this::exportLedger);
        r.get("/api/receipts/{hash}", this::receipt);
    }

    private void createPanel(Context ctx) {
        RequestBody body = RequestBody.read(ctx, MAX_BODY_BYTES);
        CreatedPanel created = panels.create(body.text("name"), body.texts("objectives"), body.text("rule"), body.bool("allow_revision", false));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", created.panel().toJson());
        out.put("organiser_token", created.organiserToken());
        out.put("organiser_voter_id", created.organiser().voterId());
        json(ctx, 201, out);
    }

    private void invite(Context ctx) {
        long id = panelId(ctx);
        RequestBody body = RequestBody.read(ctx, MAX_BODY_BYTES);
        List<String> tokens = members.invite(id, bearer(ctx), body.integer("count"));
        json(ctx, 201, Map.of("panel", id, "invitations", tokens));
    }

    private void join(Context ctx) {
        RequestBody body = RequestBody.read(ctx, MAX_BODY_BYTES);
        Session session = members.join(body.text("token"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", session.member().panelId());
        out.put("voter_id", session.member().voterId());
        out.put("session_token", session.token());
        json(ctx, 201, out);
    }

    private void movePhase(Context ctx) {
        long id = panelId(ctx);
        RequestBody body = RequestBody.read(ctx, MAX_BODY_BYTES);
        json(ctx, 200, Map.of("panel", panels.moveTo(id, bearer(ctx), Phase.of(body.text("phase"))).toJson()));
    }

    private void castBallot(Context ctx) {
        long id = panelId(ctx);
        RequestBody body = RequestBody.read(ctx, MAX_BODY_BYTES);
        Receipt r = ballots.submit(id, bearer(ctx), body.numbers("points"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receipt", r.receipt());
        out.put("panel", r.panelId());
        out.put("voter_id", r.voterId());
        out.put("version", r.version());
        out.put("ledger_seq", r.ledgerSeq());
        out.put("cast_at", r.castAt().toString());
        out.put("ballot", r.ballot());
        json(ctx, 201, out);
    }

    private void tally(Context ctx) {
        TallyOutcome t = tallies.tally(panelId(ctx), bearer(ctx));
        json(ctx, 200, mandateJson(t.panelId(), t.mandate().sha256(), t.tallyEntry(), t.mandateEntry()));
    }

    private void mandate(Context ctx) {
        long id = panelId(ctx);
        PublishedMandate m = tallies.mandate(id).orElseThrow(() -> {
            panels.get(id); // an unknown panel is "no such panel", a known one "not tallied yet"
            return new Refused(Refused.Kind.NOT_FOUND, "panel " + id + " has not been tallied yet");
        });
        json(ctx, 200, mandateJson(id, m.mandateHash(), m.tallyEntry(), m.mandateEntry()));
    }

    private static Map<String, Object> mandateJson(long panelId, String mandateHash, LedgerEntry tally, LedgerEntry mandate) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", panelId);
        out.put("mandate_hash", mandateHash);
        // The ledger payloads wrap the values with their panel and hash; the API answers with the values.
        out.put("mandate", Json.parseObject(mandate.payload()).get("mandate"));
        out.put("tally", Json.parseObject(tally.payload()).get("tally"));
        out.put("tally_seq", tally.seq());
        out.put("mandate_seq", mandate.seq());
        return out;
    }

    private void exportLedger(Context ctx) {
        List<LedgerEntry> entries = ledger.entries();
        ChainVerification v = HashChain.verify(entries);
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("ok", v.ok());
        verification.put("entries", v.entries());
        verification.put("head", v.head());
        verification.put("reason", v.reason());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", entries.stream().map(ApiServer::entryJson).toList());
        out.put("verification", verification);
        json(ctx, 200, out);
    }

    private void receipt(Context ctx) {
        String hash = ctx.pathParam("hash").toLowerCase();
        CastBallot b = SHA256.matcher(hash).matches() ? ballots.findByReceipt(hash).orElse(null) : null;
        LedgerEntry entry = b == null ? null : ledger.findReceipt(hash).orElse(null);
        if (entry == null) throw new Refused(Refused.Kind.NOT_FOUND, "no ballot with receipt " + ctx.pathParam("hash") + " is in the record");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receipt", hash);
        out.put("in_record", true);
        out.put("counts", b.counts());
        out.put("panel", b.panelId());
        out.put("version", b.version());
        out.put("entry", entryJson(entry));
        json(ctx, 200, out);
    }

    /** An entry as exported: the payload stays a string, so its exact hashed bytes survive any JSON tooling. */
    private static Map<String, Object> entryJson(LedgerEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", e.seq());
        json.put("kind", e.kind());
        json.put("payload", e.payload());
        json.put("prev_hash", e.prevHash());
        json.put("hash", e.hash());
        return json;
    }

    private static long panelId(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.of(Refused.Kind.NOT_FOUND.slug(), Refused.Kind.NOT_FOUND.title(), 404, "there is no panel '" + raw + "'"));
        }
    }

    /** The token from {@code Authorization: Bearer <token>}, or null (the service answers 401). */
    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(CanonicalJson.write(body));
    }

    // ---- problems -------------------------------------------------------------------------------

    private static void problems(RoutesConfig r) {
        r.exception(BallotRejected.class, (e, ctx) -> problem(ctx, Problem.of(e.reason().slug(), "Ballot rejected",
                e.reason() == BallotRejected.Reason.ALREADY_VOTED ? 409 : 422, e.getMessage())));
        r.exception(Refused.class, (e, ctx) -> problem(ctx, Problem.of(e.kind().slug(), e.kind().title(), status(e.kind()), e.getMessage())));
        r.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem()));
        r.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, switch (e.getStatus()) {
            case 404 -> Problem.of("not-found", "Not found", 404, "there is no " + ctx.method() + " " + ctx.path());
            case 413 -> Problem.of("payload-too-large", "Request body too large", 413, "request bodies are limited to " + MAX_BODY_BYTES + " bytes");
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405, ctx.method() + " is not allowed on " + ctx.path());
            default -> Problem.of("http-" + e.getStatus(), "HTTP " + e.getStatus(), e.getStatus(), e.getMessage());
        }));
        r.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, Problem.of("internal-error", "Internal error", 500, "the server failed; the request was not carried out"));
        });
    }

    private static int status(Refused.Kind kind) {
        return switch (kind) {
            case UNAUTHORISED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case WRONG_PHASE, ALREADY_TALLIED, NO_BALLOTS -> 409;
            case INVALID -> 422;
        };
    }

    private static void problem(Context ctx, Problem p) {
        if (p.status() == 401) ctx.header("WWW-Authenticate", "Bearer");
        ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(CanonicalJson.write(p.toJson(ctx.path())));
    }
}
