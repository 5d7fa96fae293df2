package org.mandate.deliberation.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.mandate.deliberation.http.ApiRoute;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.deliberation.opinion.OpinionGroup;
import org.mandate.deliberation.opinion.OpinionMap;
import org.mandate.deliberation.opinion.RepresentativeStatement;
import org.mandate.deliberation.opinion.StatementStanding;
import org.mandate.deliberation.service.BallotService;
import org.mandate.deliberation.service.CastBallot;
import org.mandate.deliberation.service.Member;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.Panel;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.PublishedMandate;
import org.mandate.deliberation.service.Receipt;
import org.mandate.deliberation.service.Refused;
import org.mandate.deliberation.service.Session;
import org.mandate.deliberation.service.Stance;
import org.mandate.deliberation.service.Statement;
import org.mandate.deliberation.service.StatementService;
import org.mandate.deliberation.service.TallyService;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Objective;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The citizen and organiser pages: server-rendered HTML in English and French over the same services as
 * the JSON API. The session is the bearer token in an HttpOnly, SameSite=Strict cookie; every form
 * carries a CSRF token that must match a second such cookie (double submit), so a form posted from
 * another site is refused even by a browser that ignores SameSite.
 */
public final class WebPages {

    public static final String SESSION_COOKIE = "mandate_session";
    public static final String CSRF_COOKIE = "mandate_csrf";
    public static final String LANG_COOKIE = "mandate_lang";

    /** A page shows every new token once; more than this is a job for the API. */
    public static final int MAX_INVITATIONS_PER_FORM = 500;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Map<String, String> ASSETS = Map.of("app.css", "text/css; charset=utf-8", "ballot.js", "text/javascript; charset=utf-8",
            "tradeoff.js", "text/javascript; charset=utf-8");

    private final PanelService panels;
    private final MemberService members;
    private final BallotService ballots;
    private final TallyService tallies;
    private final StatementService statements;
    private final LedgerStore ledger;

    public WebPages(PanelService panels, MemberService members, BallotService ballots, TallyService tallies, StatementService statements, LedgerStore ledger) {
        this.panels = panels;
        this.members = members;
        this.ballots = ballots;
        this.tallies = tallies;
        this.statements = statements;
        this.ledger = ledger;
    }

    public void register(RoutesConfig r) {
        r.get("/", this::home);
        r.post("/join", this::join);
        r.post("/signin", this::signIn);
        r.post("/signout", this::signOut);
        r.get("/panel/deliberate", this::deliberate);
        r.post("/panel/statements", this::postStatement);
        r.post("/panel/statements/{statement}/vote", this::voteOnStatement);
        // /panel/vote and /panel/delegation: VotePage
        r.get("/receipt", this::checkReceipt);
        r.get("/assets/{file}", this::asset);
    }

    // ---- pages ------------------------------------------------------------------------------------

    private void home(Context ctx) {
        Optional<Member> me = current(ctx);
        if (me.isPresent()) {
            ctx.redirect(landing(me.get()), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, 200, "home", model(ctx, null, null));
    }

    private void join(Context ctx) {
        requireCsrf(ctx);
        try {
            Session s = members.join(form(ctx, "token").strip());
            setCookie(ctx, SESSION_COOKIE, s.token(), -1);
            ctx.redirect(landing(s.member()), HttpStatus.SEE_OTHER);
        } catch (Refused e) {
            Map<String, Object> m = model(ctx, null, null);
            m.put("join_error", Messages.problem(locale(ctx), e.getMessage()));
            render(ctx, e.kind() == Refused.Kind.WRONG_PHASE ? 409 : 401, "home", m);
        }
    }

    private void signIn(Context ctx) {
        requireCsrf(ctx);
        String token = form(ctx, "token").strip();
        Optional<Member> m = members.authenticate(token);
        if (m.isEmpty()) {
            Map<String, Object> model = model(ctx, null, null);
            model.put("signin_error", "the token is not valid");
            render(ctx, 401, "home", model);
            return;
        }
        setCookie(ctx, SESSION_COOKIE, token, -1);
        ctx.redirect(landing(m.get()), HttpStatus.SEE_OTHER);
    }

    /** Where a seat starts: the organiser organises, an auditor reads the conduct (AuditPage), a member learns. */
    private static String landing(Member m) {
        return switch (m.role()) {
            case ORGANISER -> "/organise";
            case AUDITOR -> "/audit";
            case MEMBER -> "/panel";
        };
    }

    private void signOut(Context ctx) {
        requireCsrf(ctx);
        setCookie(ctx, SESSION_COOKIE, "", 0);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void deliberate(Context ctx) {
        Member me = signedIn(ctx);
        deliberatePage(ctx, me, 200, null, null);
    }

    private void deliberatePage(Context ctx, Member me, int status, String error, String draft) {
        Panel panel = panels.get(me.panelId());
        Locale locale = locale(ctx);
        List<Statement> all = statements.statements(panel.id());
        OpinionMap map = statements.opinionMap(panel.id());
        Map<Long, Stance> mine = statements.votesOf(panel.id(), me.voterId());
        Map<Long, Statement> byId = new HashMap<>();
        all.forEach(s -> byId.put(s.id(), s));

        List<Map<String, Object>> rows = new ArrayList<>();
        java.util.Set<Long> listed = new java.util.HashSet<>();
        for (StatementStanding s : map.consensus()) {
            rows.add(statementRow(byId.get(s.statementId()), s, me, mine, locale));
            listed.add(s.statementId());
        }
        for (Statement s : all) if (!listed.contains(s.id())) rows.add(statementRow(s, null, me, mine, locale));

        List<Map<String, Object>> groups = new ArrayList<>();
        for (OpinionGroup g : map.groups()) {
            List<Map<String, Object>> reps = new ArrayList<>();
            for (RepresentativeStatement r : g.representatives()) {
                Map<String, Object> rep = new LinkedHashMap<>();
                rep.put("text", byId.get(r.statementId()).text());
                rep.put("agrees", r.agrees());
                rep.put("percent", Messages.format(locale, "map.count", r.count(), r.seen()));
                reps.add(rep);
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("number", g.id() + 1);
            group.put("colour", MapPlot.colour(g.id()));
            group.put("size", g.members().size());
            group.put("representatives", reps);
            groups.add(group);
        }
        Map<String, Object> m = model(ctx, me, panel);
        m.put("statements", rows);
        m.put("open", panel.phase() == Phase.DELIBERATE && me.role() == Member.Role.MEMBER);
        m.put("plot", MapPlot.of(map, me.voterId()));
        m.put("has_map", !map.participants().isEmpty());
        m.put("map_alt", Messages.format(locale, "map.alt", map.participants().size(), map.groups().size()));
        m.put("groups", groups);
        m.put("error", error);
        m.put("draft", draft);
        render(ctx, status, "deliberate", m);
    }

    private static Map<String, Object> statementRow(Statement s, StatementStanding standing, Member me, Map<Long, Stance> mine, Locale locale) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", s.id());
        row.put("text", s.text());
        row.put("hidden", s.hidden());
        row.put("reason", s.hiddenReason());
        row.put("mine", s.author().equals(me.voterId()));
        row.put("my_vote", mine.containsKey(s.id()) ? mine.get(s.id()).id() : null);
        if (standing != null && standing.votes() > 0) {
            row.put("counts", Messages.format(locale, "deliberate.counts", standing.agree(), standing.disagree(), standing.pass()));
            row.put("consensus", Messages.format(locale, "percent", Math.round(standing.consensus() * 100)));
        }
        return row;
    }

    private void postStatement(Context ctx) {
        requireCsrf(ctx);
        Member me = signedIn(ctx);
        String text = form(ctx, "text");
        try {
            statements.post(me.panelId(), token(ctx), text);
            ctx.redirect("/panel/deliberate", HttpStatus.SEE_OTHER);
        } catch (Refused e) {
            deliberatePage(ctx, me, e.kind().status(), Messages.problem(locale(ctx), e.getMessage()), text);
        }
    }

    private void voteOnStatement(Context ctx) {
        requireCsrf(ctx);
        Member me = signedIn(ctx);
        long statement = statementId(ctx);
        statements.vote(me.panelId(), token(ctx), statement, Stance.of(form(ctx, "vote")));
        ctx.redirect("/panel/deliberate#s" + statement, HttpStatus.SEE_OTHER);
    }

    private void checkReceipt(Context ctx) {
        Map<String, Object> m = model(ctx, current(ctx).orElse(null), null);
        String hash = ctx.queryParam("hash");
        int status = 200;
        if (hash != null && !hash.isBlank()) {
            String h = hash.strip().toLowerCase(Locale.ROOT);
            m.put("hash", hash.strip());
            Optional<CastBallot> found = SHA256.matcher(h).matches() ? ballots.findByReceipt(h) : Optional.empty();
            if (found.isPresent() && ledger.findReceipt(h).isPresent()) {
                m.put("found", found.get());
            } else {
                m.put("missing", true);
                status = 404;
            }
        }
        render(ctx, status, "check", m);
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) throw new Refused(Refused.Kind.NOT_FOUND, "there is no asset " + file);
        try (InputStream in = WebPages.class.getResourceAsStream("/web/assets/" + file)) {
            if (in == null) throw new Refused(Refused.Kind.NOT_FOUND, "there is no asset " + file);
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.contentType(type).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browsable API reference: the operations of the route table, with a link to the OpenAPI JSON. */
    public void apiDocs(Context ctx, List<ApiRoute> routes) {
        Map<String, Object> m = model(ctx, null, null);
        m.put("routes", routes);
        render(ctx, 200, "docs", m);
    }

    // ---- shared -----------------------------------------------------------------------------------

    List<Map<String, Object>> objectives(Panel panel, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : panel.menu().objectives()) {
            Objective o = Catalogue.get(id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("name", o.name().in(locale));
            m.put("description", o.description().in(locale));
            m.put("metric", o.metricName(10));
            out.add(m);
        }
        return out;
    }

    Map<String, Object> model(Context ctx, Member me, Panel panel) {
        Locale locale = locale(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("t", Messages.of(locale));
        m.put("lang", locale.getLanguage());
        m.put("other_lang", locale.getLanguage().equals("fr") ? "en" : "fr");
        m.put("path", ctx.path());
        m.put("csrf", csrf(ctx));
        m.put("me", me);
        m.put("organiser", me != null && me.role() == Member.Role.ORGANISER);
        m.put("auditor", me != null && me.role() == Member.Role.AUDITOR);
        if (panel != null) {
            m.put("panel", panel);
            m.put("phase", panel.phase().id());
            m.put("phase_name", Messages.of(locale).get("phase." + panel.phase().id()));
        }
        return m;
    }

    static void render(Context ctx, int status, String template, Map<String, Object> model) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(Templates.render(template, model));
    }

    /** An error as a page, in the reader's language; the detail is the service's explanation. */
    public static void errorPage(Context ctx, int status, String detail) {
        Locale locale = locale(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("t", Messages.of(locale));
        m.put("lang", locale.getLanguage());
        m.put("other_lang", locale.getLanguage().equals("fr") ? "en" : "fr");
        m.put("path", ctx.path());
        m.put("status", status);
        detail = Messages.problem(locale, detail);
        m.put("detail", status == 401 ? Messages.of(locale).get("error.signin") + " (" + detail + ")" : detail);
        render(ctx, status, "error", m);
    }

    Optional<Member> current(Context ctx) {
        String token = token(ctx);
        return token == null ? Optional.empty() : members.authenticate(token);
    }

    Member signedIn(Context ctx) {
        return current(ctx).orElseThrow(() -> new Refused(Refused.Kind.UNAUTHORISED, "no valid session"));
    }

    Member organiser(Context ctx) {
        Member me = signedIn(ctx);
        if (me.role() != Member.Role.ORGANISER) throw new Refused(Refused.Kind.FORBIDDEN, "only the panel's organiser may do this");
        return me;
    }

    static String token(Context ctx) {
        String t = ctx.cookie(SESSION_COOKIE);
        return t == null || t.isBlank() ? null : t;
    }

    static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null) throw new Refused(Refused.Kind.INVALID, "the form field '" + name + "' is missing");
        return v;
    }

    /** The CSRF token of this browser, set as a cookie the first time a page is shown. */
    private static String csrf(Context ctx) {
        String existing = ctx.attribute("csrf");
        if (existing != null) return existing;
        String cookie = ctx.cookie(CSRF_COOKIE);
        if (cookie == null || !cookie.matches("[A-Za-z0-9_-]{43}")) {
            byte[] b = new byte[32];
            RANDOM.nextBytes(b);
            cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            setCookie(ctx, CSRF_COOKIE, cookie, -1);
        }
        ctx.attribute("csrf", cookie);
        return cookie;
    }

    static void requireCsrf(Context ctx) {
        String cookie = ctx.cookie(CSRF_COOKIE);
        String field = ctx.formParam("csrf");
        if (cookie == null || field == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused(Refused.Kind.FORBIDDEN, Messages.of(locale(ctx)).get("error.csrf"));
        }
    }

    /** HttpOnly and SameSite=Strict always; Secure when the request came over HTTPS (directly or via a proxy). */
    static void setCookie(Context ctx, String name, String value, int maxAge) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) c.append("; Max-Age=").append(maxAge);
        if (https) c.append("; Secure");
        ctx.res().addHeader("Set-Cookie", c.toString());
    }

    /** {@code ?lang=en|fr} (remembered in a cookie), else the cookie, else Accept-Language, else English. */
    public static Locale locale(Context ctx) {
        String asked = ctx.queryParam("lang");
        if ("en".equals(asked) || "fr".equals(asked)) {
            if (!asked.equals(ctx.cookie(LANG_COOKIE)) && ctx.attribute("lang-set") == null) {
                setCookie(ctx, LANG_COOKIE, asked, 60 * 60 * 24 * 365);
                ctx.attribute("lang-set", true);
            }
            return Locale.of(asked);
        }
        String cookie = ctx.cookie(LANG_COOKIE);
        if ("en".equals(cookie) || "fr".equals(cookie)) return Locale.of(cookie);
        return negotiate(ctx.header("Accept-Language"));
    }

    /** The better of English and French for an Accept-Language header; English when neither is asked for. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Messages.ENGLISH;
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(Messages.ENGLISH, Messages.FRENCH));
            return best == null ? Messages.ENGLISH : Locale.of(best.getLanguage());
        } catch (IllegalArgumentException e) {
            return Messages.ENGLISH;
        }
    }


    static long statementId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("statement"));
        } catch (NumberFormatException e) {
            throw new Refused(Refused.Kind.NOT_FOUND, "there is no statement '" + ctx.pathParam("statement") + "'");
        }
    }
}
