package org.mandate.deliberation.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.deliberation.jobs.TrainingJobs;
import org.mandate.deliberation.jobs.TrainingSettings;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.deliberation.opinion.OpinionGroup;
import org.mandate.deliberation.opinion.OpinionMap;
import org.mandate.deliberation.opinion.ParticipantPosition;
import org.mandate.deliberation.opinion.RepresentativeStatement;
import org.mandate.deliberation.opinion.StatementStanding;
import org.mandate.deliberation.service.BallotService;
import org.mandate.deliberation.service.CastBallot;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.DelegationService;
import org.mandate.deliberation.service.Member;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.Moderation;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.PublishedMandate;
import org.mandate.deliberation.service.Refused;
import org.mandate.deliberation.service.Session;
import org.mandate.deliberation.service.Stance;
import org.mandate.deliberation.service.Statement;
import org.mandate.deliberation.service.StatementService;
import org.mandate.deliberation.service.StatementVote;
import org.mandate.deliberation.service.TallyOutcome;
import org.mandate.deliberation.service.TallyService;
import org.mandate.deliberation.service.VoteSettingsService;
import org.mandate.deliberation.web.VotePage;
import org.mandate.deliberation.web.AuditPage;
import org.mandate.deliberation.service.StrataService;
import org.mandate.deliberation.service.SweepService;
import org.mandate.deliberation.web.LearnPage;
import org.mandate.deliberation.web.OrganisePage;
import org.mandate.deliberation.web.WebPages;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private final StatementService statements;
    private final BallotRoutes ballotRoutes;
    private final DelegationRoutes delegationRoutes;
    private final StrataRoutes strataRoutes;
    private final SweepRoutes sweepRoutes;
    private final TrainingJobs trainingJobs;
    private final RateLimiter limiter;
    private final List<ApiRoute> routes;
    private final String openApi;
    private final Javalin app;

    /** Wires the services over one database, with the default rate limit. */
    public ApiServer(Jdbi jdbi) {
        this(jdbi, RateLimiter.defaults());
    }

    /** Wires the services over one database; {@code limiter} bounds each caller's request rate. */
    public ApiServer(Jdbi jdbi, RateLimiter limiter) {
        this(jdbi, limiter, TrainingSettings.defaults(java.nio.file.Path.of("mandate-runs")));
    }

    /** As above; {@code training} says what training runs train on and where their models are written. */
    public ApiServer(Jdbi jdbi, RateLimiter limiter, TrainingSettings training) {
        this.panels = new PanelService(jdbi);
        this.members = new MemberService(jdbi);
        this.ballots = new BallotService(jdbi);
        this.tallies = new TallyService(jdbi);
        this.ledger = new LedgerStore(jdbi);
        this.statements = new StatementService(jdbi);
        this.ballotRoutes = new BallotRoutes(ballots, new VoteSettingsService(jdbi));
        this.delegationRoutes = new DelegationRoutes(new DelegationService(jdbi));
        this.strataRoutes = new StrataRoutes(new StrataService(jdbi), members);
        this.sweepRoutes = new SweepRoutes(new SweepService(jdbi));
        this.trainingJobs = new TrainingJobs(jdbi, training);
        this.limiter = limiter;
        this.routes = routeTable();
        this.openApi = CanonicalJson.write(OpenApiDocument.build(routes));
        WebPages pages = new WebPages(panels, members, ballots, tallies, statements, ledger);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            // the organiser's uploads (strata, sweeps) are the only multipart forms; without a bound a form post could fill the disk
            config.jetty.multipartConfig.maxFileSize(OrganisePage.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(OrganisePage.MAX_UPLOAD_BYTES + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyProblems()));
            // No CORS plugin: browsers on other origins may not call this API unless an operator adds one deliberately.
            config.routes.before(this::securityHeaders);
            config.routes.before(this::rateLimit);
            for (ApiRoute r : routes) config.routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), r.handler());
            config.routes.get("/openapi.json", ctx -> ctx.status(200).contentType(JSON).result(openApi));
            config.routes.get("/docs", ctx -> pages.apiDocs(ctx, routes));
            pages.register(config.routes);
            new LearnPage(pages, panels, new SweepService(jdbi)).register(config.routes);
            new OrganisePage(pages, panels, members, ballots, tallies, statements, new StrataService(jdbi), new SweepService(jdbi),
                    new VoteSettingsService(jdbi)).register(config.routes);
            new VotePage(pages, panels, ballots, new VoteSettingsService(jdbi), new DelegationService(jdbi)).register(config.routes);
            new AuditPage(pages, panels, members, new StrataService(jdbi), tallies, new VoteSettingsService(jdbi), ledger).register(config.routes);
            problems(config.routes);
        });
    }

    /** The operations of the JSON API, in the order the OpenAPI document lists them. */
    public List<ApiRoute> routes() {
        return routes;
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
        trainingJobs.close();
        ballots.close();
    }

    private List<ApiRoute> routeTable() {
        List<String> none = List.of();
        List<Integer> ok = List.of();
        List<ApiRoute> t = new ArrayList<>();
        t.add(new ApiRoute("POST", "/api/panels", "createPanel", "Create a panel with its objective menu and locked aggregation rule; answers the organiser token once",
                "none", none, List.of("name:string", "objectives:string[]", "rule:string", "allow_revision:boolean"), 201, List.of(400, 413, 422), this::createPanel));
        t.add(new ApiRoute("GET", "/api/panels/{id}", "getPanel", "A panel: menu, rule, phase", "none", none, none, 200, List.of(404),
                ctx -> json(ctx, 200, Map.of("panel", panels.get(panelId(ctx)).toJson()))));
        t.add(new ApiRoute("POST", "/api/panels/{id}/invitations", "invite", "Issue single-use invitation tokens; role auditor seats an auditor, who reads the panel's conduct but never acts", "organiser",
                none, List.of("count:integer", "role:seatRole"), 201, List.of(400, 401, 403, 404, 409, 422), this::invite));
        t.add(new ApiRoute("POST", "/api/join", "join", "Redeem an invitation for a seat and a session token", "none",
                none, List.of("token:string"), 201, List.of(400, 401, 409, 422), this::join));
        t.add(new ApiRoute("GET", "/api/me", "me", "The seat the bearer token holds", "seat", none, none, 200, List.of(401), this::me));
        t.add(new ApiRoute("POST", "/api/panels/{id}/phase", "movePhase", "Move the panel forward to a phase", "organiser",
                none, List.of("phase:phase"), 200, List.of(400, 401, 403, 404, 409, 422), this::movePhase));
        t.add(new ApiRoute("GET", "/api/objectives", "objectives", "Plain-language explanations of every objective in the catalogue",
                "none", List.of("lang:lang"), none, 200, List.of(422), this::objectives));
        t.add(new ApiRoute("GET", "/api/panels/{id}/statements", "listStatements",
                "The panel's statements ranked by cross-group (bridging) agreement; hidden ones last, text withheld", "seat",
                none, none, 200, List.of(401, 403, 404), this::listStatements));
        t.add(new ApiRoute("POST", "/api/panels/{id}/statements", "postStatement", "Post a short statement (phase deliberate)", "member",
                none, List.of("text:string"), 201, List.of(400, 401, 403, 404, 409, 413, 422), this::postStatement));
        t.add(new ApiRoute("POST", "/api/panels/{id}/statements/{statement}/votes", "voteOnStatement",
                "Agree, disagree or pass on another member's statement (phase deliberate); a new vote replaces the earlier one", "member",
                none, List.of("vote:stance"), 201, List.of(400, 401, 403, 404, 409, 422), this::voteOnStatement));
        t.add(new ApiRoute("POST", "/api/panels/{id}/statements/{statement}/hide", "hideStatement",
                "Hide a statement, for a reason published in the ledger as a moderation entry", "organiser",
                none, List.of("reason:string"), 200, List.of(400, 401, 403, 404, 422), this::hideStatement));
        t.add(new ApiRoute("GET", "/api/panels/{id}/opinions", "opinionMap",
                "Opinion groups (PCA + k-means of the statement votes), positions, representative statements, consensus", "seat",
                none, none, 200, List.of(401, 403, 404), this::opinionMap));
        t.addAll(ballotRoutes.routes());
        t.addAll(delegationRoutes.routes());
        t.add(new ApiRoute("POST", "/api/panels/{id}/tally", "tally", "Close voting and tally the panel into a mandate", "organiser",
                none, none, 200, List.of(401, 403, 404, 409), this::tally));
        t.add(new ApiRoute("GET", "/api/panels/{id}/mandate", "mandate", "The panel's published mandate", "none", none, none, 200, List.of(404), this::mandate));
        t.add(new ApiRoute("GET", "/api/ledger", "ledger", "The whole ledger with its verification", "none", none, none, 200, ok, this::exportLedger));
        t.add(new ApiRoute("GET", "/api/receipts/{hash}", "receipt", "Check that a ballot receipt is in the record", "none", none, none, 200, List.of(404), this::receipt));
        t.addAll(strataRoutes.routes());
        t.addAll(sweepRoutes.routes());
        t.addAll(new TrainingRunRoutes(trainingJobs).routes());
        t.addAll(new RecommendationRoutes(trainingJobs, panels).routes());
        return List.copyOf(t);
    }

    private void me(Context ctx) {
        Member m = members.authenticate(bearer(ctx)).orElseThrow(() -> new Refused(Refused.Kind.UNAUTHORISED, "the bearer token is not valid"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", m.panelId());
        out.put("voter_id", m.voterId());
        out.put("role", m.role().id());
        json(ctx, 200, out);
    }

    private void objectives(Context ctx) {
        Locale lang = language(ctx);
        List<Object> out = new ArrayList<>();
        for (Objective o : Catalogue.all()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", o.id());
            json.put("name", o.name().in(lang));
            json.put("description", o.description().in(lang));
            json.put("direction", o.direction().name().toLowerCase());
            json.put("metric", o.metricName(10));
            out.add(json);
        }
        json(ctx, 200, Map.of("lang", lang.getLanguage(), "objectives", out));
    }

    /** {@code ?lang=en|fr}, else the first of en/fr in Accept-Language, else English. */
    private static Locale language(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang != null) {
            if (lang.equals("en") || lang.equals("fr")) return Locale.of(lang);
            throw RequestBody.invalid("lang must be en or fr");
        }
        return WebPages.negotiate(ctx.header("Accept-Language"));
    }

    /** The caller's seat on this panel (member or organiser), or 401 / 403. */
    private Member seat(Context ctx, long panelId) {
        Member m = members.authenticate(bearer(ctx)).orElseThrow(() -> new Refused(Refused.Kind.UNAUTHORISED, "a valid bearer token is required"));
        panels.get(panelId);
        if (m.panelId() != panelId) throw new Refused(Refused.Kind.FORBIDDEN, "this token does not hold a seat on panel " + panelId);
        return m;
    }

    private void listStatements(Context ctx) {
        long id = panelId(ctx);
        Member me = seat(ctx, id);
        List<Statement> all = statements.statements(id);
        OpinionMap map = statements.opinionMap(id);
        Map<Long, Stance> mine = statements.votesOf(id, me.voterId());
        Map<Long, StatementStanding> standing = new HashMap<>();
        map.consensus().forEach(s -> standing.put(s.statementId(), s));
        Map<Long, Statement> byId = new LinkedHashMap<>();
        all.forEach(s -> byId.put(s.id(), s));
        List<Object> out = new ArrayList<>();
        for (StatementStanding s : map.consensus()) out.add(statementJson(byId.get(s.statementId()), s, me, mine));
        for (Statement s : all) if (!standing.containsKey(s.id())) out.add(statementJson(s, null, me, mine));
        json(ctx, 200, Map.of("panel", id, "order", "bridging_consensus", "statements", out));
    }

    /** A statement as members see it: no author pseudonym (it would link statements to ballots), only whether it is the caller's. */
    private static Map<String, Object> statementJson(Statement s, StatementStanding standing, Member me, Map<Long, Stance> mine) {
        Map<String, Object> json = new LinkedHashMap<>(s.toJson());
        json.remove("author");
        json.put("mine", s.author().equals(me.voterId()));
        json.put("my_vote", mine.containsKey(s.id()) ? mine.get(s.id()).id() : null);
        if (standing != null) {
            json.put("agree", standing.agree());
            json.put("disagree", standing.disagree());
            json.put("pass", standing.pass());
            json.put("consensus", standing.consensus());
            json.put("group_agreement", standing.groupAgreement());
        }
        return json;
    }

    private void postStatement(Context ctx) {
        long id = panelId(ctx);
        RequestBody body = RequestBody.read(ctx, MAX_BODY_BYTES);
        Statement s = statements.post(id, bearer(ctx), body.text("text"));
        Map<String, Object> json = new LinkedHashMap<>(s.toJson());
        json.remove("author");
        json.put("mine", true);
        json(ctx, 201, Map.of("statement", json));
    }

    private void voteOnStatement(Context ctx) {
        long id = panelId(ctx);
        long statement = statementId(ctx);
        RequestBody body = RequestBody.read(ctx, MAX_BODY_BYTES);
        StatementVote v = statements.vote(id, bearer(ctx), statement, Stance.of(body.text("vote")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", v.panelId());
        out.put("statement", v.statementId());
        out.put("vote", v.stance().id());
        out.put("cast_at", v.castAt().toString());
        json(ctx, 201, out);
    }

    private void hideStatement(Context ctx) {
        long id = panelId(ctx);
        long statement = statementId(ctx);
        RequestBody body = RequestBody.read(ctx, MAX_BODY_BYTES);
        Moderation m = statements.hide(id, bearer(ctx), statement, body.text("reason"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", m.panelId());
        out.put("statement", m.statementId());
        out.put("reason", m.reason());
        out.put("entry", entryJson(m.entry()));
        json(ctx, 200, out);
    }

    private void opinionMap(Context ctx) {
        long id = panelId(ctx);
        Member me = seat(ctx, id);
        json(ctx, 200, opinionJson(id, statements.opinionMap(id), statements.statements(id), me.voterId()));
    }

    /**
     * The opinion map as JSON. Participants are listed by position only, never by voter id: a voter id
     * also signs the member's ballot, and the map must not reveal how a group member voted.
     */
    public static Map<String, Object> opinionJson(long panelId, OpinionMap map, List<Statement> all, String viewer) {
        Map<Long, String> text = new HashMap<>();
        all.forEach(s -> text.put(s.id(), s.text()));
        List<Object> participants = new ArrayList<>();
        for (ParticipantPosition p : map.participants()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("x", p.x());
            json.put("y", p.y());
            json.put("group", p.group());
            json.put("you", p.voterId().equals(viewer));
            participants.add(json);
        }
        List<Object> groups = new ArrayList<>();
        for (OpinionGroup g : map.groups()) {
            List<Object> reps = new ArrayList<>();
            for (RepresentativeStatement r : g.representatives()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("statement", r.statementId());
                json.put("text", text.get(r.statementId()));
                json.put("stance", r.agrees() ? "agree" : "disagree");
                json.put("probability", r.probability());
                json.put("count", r.count());
                json.put("seen", r.seen());
                json.put("ratio", r.ratio());
                json.put("repness", r.repness());
                reps.add(json);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", g.id());
            json.put("size", g.members().size());
            json.put("representatives", reps);
            groups.add(json);
        }
        List<Object> consensus = new ArrayList<>();
        for (StatementStanding s : map.consensus()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("statement", s.statementId());
            json.put("text", text.get(s.statementId()));
            json.put("consensus", s.consensus());
            json.put("agree", s.agree());
            json.put("disagree", s.disagree());
            json.put("pass", s.pass());
            json.put("group_agreement", s.groupAgreement());
            consensus.add(json);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("panel", panelId);
        out.put("k", map.k());
        out.put("silhouette", map.silhouette());
        out.put("participants", participants);
        out.put("groups", groups);
        out.put("consensus", consensus);
        return out;
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
        String role = body.text("role", "member");
        // checked before anything is written: only member and auditor seats can be invited
        Member.Role seat = switch (role) {
            case "member" -> Member.Role.MEMBER;
            case "auditor" -> Member.Role.AUDITOR;
            default -> throw RequestBody.invalid("'role' must be member or auditor, got '" + role + "'");
        };
        List<String> tokens = members.invite(id, bearer(ctx), body.integer("count"), seat);
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
        out.put("kind", b.kind());
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

    static long panelId(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.of(Refused.Kind.NOT_FOUND.slug(), Refused.Kind.NOT_FOUND.title(), 404, "there is no panel '" + raw + "'"));
        }
    }

    private static long statementId(Context ctx) {
        String raw = ctx.pathParam("statement");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.of(Refused.Kind.NOT_FOUND.slug(), Refused.Kind.NOT_FOUND.title(), 404, "there is no statement '" + raw + "'"));
        }
    }

    /** The token from {@code Authorization: Bearer <token>}, or null (the service answers 401). */
    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(CanonicalJson.write(body));
    }

    // ---- problems -------------------------------------------------------------------------------

    /** Headers every answer carries: no sniffing, no framing, no referrer, and scripts only from this origin. */
    private void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'");
    }

    /** One token bucket per bearer token (or session cookie), else per client address. */
    private void rateLimit(Context ctx) {
        String token = bearer(ctx);
        if (token == null) token = ctx.cookie(WebPages.SESSION_COOKIE);
        String key = token != null ? "t:" + CanonicalJson.sha256Hex(token.getBytes(StandardCharsets.UTF_8)) : "a:" + ctx.ip();
        if (!limiter.tryAcquire(key)) {
            ctx.header("Retry-After", String.valueOf(limiter.secondsUntilToken(key)));
            throw new ProblemException(Problem.of("rate-limited", "Too many requests", 429, "too many requests from this caller; retry after a moment"));
        }
    }

    private static boolean isApi(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/openapi.json");
    }

    private static void problems(RoutesConfig r) {
        r.exception(BallotRejected.class, (e, ctx) -> problem(ctx, Problem.of(e.reason().slug(), "Ballot rejected",
                e.reason() == BallotRejected.Reason.ALREADY_VOTED ? 409 : 422, e.getMessage())));
        r.exception(Refused.class, (e, ctx) -> problem(ctx, Problem.of(e.kind().slug(), e.kind().title(), e.kind().status(), e.getMessage())));
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

    private static void problem(Context ctx, Problem p) {
        if (!isApi(ctx)) {
            WebPages.errorPage(ctx, p.status(), p.detail());
            return;
        }
        if (p.status() == 401) ctx.header("WWW-Authenticate", "Bearer");
        // detail and title in French when Accept-Language prefers it; the type stays the same
        Locale language = WebPages.negotiate(ctx.header("Accept-Language"));
        p = p.in(language);
        ctx.header("Content-Language", language.getLanguage());
        // bytes, not a string: the server would encode a string in ISO-8859-1 for this media type, and JSON is UTF-8
        ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(CanonicalJson.write(p.toJson(ctx.path())).getBytes(StandardCharsets.UTF_8));
    }
}
