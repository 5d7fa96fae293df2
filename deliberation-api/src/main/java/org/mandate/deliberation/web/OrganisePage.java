package org.mandate.deliberation.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import org.mandate.audit.ledger.MemberSelection;
import org.mandate.deliberation.service.ApprovalItem;
import org.mandate.deliberation.service.BallotKind;
import org.mandate.deliberation.service.BallotService;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.Member;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.Panel;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.PublishedMandate;
import org.mandate.deliberation.service.Refused;
import org.mandate.deliberation.service.StatementService;
import org.mandate.deliberation.service.StoredSweep;
import org.mandate.deliberation.service.StrataService;
import org.mandate.deliberation.service.StratifiedInvitation;
import org.mandate.deliberation.service.SweepService;
import org.mandate.deliberation.service.TallyService;
import org.mandate.deliberation.service.VoteSettingsService;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.catalogue.Objective;
import org.mandate.objectives.tally.WeightRule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The organiser's pages: create a panel (menu from the catalogue, ballot kinds, aggregation rule locked
 * before anyone votes), invite members (plainly or from a CSV of strata) and auditors, upload the trade-off sweep,
 * move phases, moderate, tally. Organisers see counts (members, ballots, turnout per stratum) and the
 * tally, never an individual ballot. Anyone may create a panel, as with {@code POST /api/panels}: the
 * creator becomes its organiser and is shown the organiser token once.
 */
public final class OrganisePage {

    /** Ballot kinds the creation form offers: the others need slates, proposals or rules, set through the API. */
    static final List<BallotKind> FORM_KINDS = List.of(BallotKind.WEIGHTS, BallotKind.FLOORS);
    public static final int MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
    /** Interaction-age limits the creation form puts to approval (blank fields add none). */
    static final int AGE_FIELDS = 3;

    private final WebPages pages;
    private final PanelService panels;
    private final MemberService members;
    private final BallotService ballots;
    private final TallyService tallies;
    private final StatementService statements;
    private final StrataService strata;
    private final SweepService sweeps;
    private final VoteSettingsService settings;

    public OrganisePage(WebPages pages, PanelService panels, MemberService members, BallotService ballots, TallyService tallies,
                        StatementService statements, StrataService strata, SweepService sweeps, VoteSettingsService settings) {
        this.pages = pages;
        this.panels = panels;
        this.members = members;
        this.ballots = ballots;
        this.tallies = tallies;
        this.statements = statements;
        this.strata = strata;
        this.sweeps = sweeps;
        this.settings = settings;
    }

    public void register(RoutesConfig r) {
        r.get("/organise/new", this::newPanelForm);
        r.post("/organise/new", this::createPanel);
        r.get("/organise", this::organise);
        r.post("/organise/phase", this::movePhase);
        r.post("/organise/invitations", this::invite);
        r.post("/organise/strata", this::inviteStrata);
        r.post("/organise/sweep", this::uploadSweep);
        r.post("/organise/statements/{statement}/hide", this::hide);
        r.post("/organise/tally", this::tally);
    }

    // ---- creating a panel ---------------------------------------------------------------------

    private void newPanelForm(Context ctx) {
        renderNew(ctx, 200, null, Map.of());
    }

    private void renderNew(Context ctx, int status, String error, Map<String, Object> draft) {
        Locale locale = WebPages.locale(ctx);
        Map<String, Object> m = pages.model(ctx, pages.current(ctx).orElse(null), null);
        m.put("organiser", false);
        m.put("me", null);
        List<Map<String, Object>> catalogue = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> chosen = (List<String>) draft.getOrDefault("objectives", List.of("relevance", "novelty", "provider_fairness"));
        for (Objective o : Catalogue.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", o.id());
            row.put("name", o.name().in(locale));
            row.put("description", o.description().in(locale));
            row.put("checked", chosen.contains(o.id()));
            catalogue.add(row);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (String id : WeightRule.IDS) rules.add(Map.of("id", id, "name", Messages.of(locale).getOrDefault("rule." + id, id),
                "selected", id.equals(draft.getOrDefault("rule", "independent_markets"))));
        m.put("catalogue", catalogue);
        m.put("rules", rules);
        m.put("kinds", FORM_KINDS.stream().map(k -> Map.of("id", k.id(), "name", Messages.of(locale).getOrDefault("kind." + k.id(), k.id()),
                "checked", k == BallotKind.WEIGHTS || ((List<?>) draft.getOrDefault("kinds", List.of())).contains(k.id()),
                "required", k == BallotKind.WEIGHTS)).toList());
        List<?> locked = (List<?>) draft.getOrDefault("locked", List.of());
        m.put("lockable", Catalogue.all().stream().map(o -> Map.of("id", o.id(), "name", o.name().in(locale), "checked", locked.contains(o.id()))).toList());
        m.put("draft_shift", draft.getOrDefault("max_shift", ""));
        m.put("draft_name", draft.getOrDefault("name", ""));
        m.put("draft_revision", draft.getOrDefault("allow_revision", false));
        List<?> ages = (List<?>) draft.getOrDefault("age_days", List.of());
        List<Map<String, Object>> ageFields = new ArrayList<>();
        for (int i = 0; i < AGE_FIELDS; i++) ageFields.add(Map.of("index", i + 1, "value", i < ages.size() ? ages.get(i) : ""));
        m.put("age_fields", ageFields);
        m.put("max_age_days", ApprovalItem.MAX_AGE_DAYS);
        m.put("error", error);
        WebPages.render(ctx, status, "organise-new", m);
    }

    private void createPanel(Context ctx) {
        WebPages.requireCsrf(ctx);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        List<String> objectives = ctx.formParams("objectives");
        String rule = Optional.ofNullable(ctx.formParam("rule")).orElse("");
        boolean revision = "on".equals(ctx.formParam("allow_revision"));
        List<String> kinds = new ArrayList<>(List.of(BallotKind.WEIGHTS.id()));
        for (String k : ctx.formParams("kinds")) if (!kinds.contains(k)) kinds.add(k);
        String shift = Optional.ofNullable(ctx.formParam("max_shift")).orElse("").strip();
        List<String> locked = ctx.formParams("locked");
        List<String> ageDays = ctx.formParams("age_days").stream().map(String::strip).toList();
        Map<String, Object> draft = Map.of("name", name, "objectives", objectives, "rule", rule, "allow_revision", revision, "kinds", kinds,
                "max_shift", shift, "locked", locked, "age_days", ageDays);
        try {
            for (String k : kinds) if (!FORM_KINDS.contains(BallotKind.of(k))) throw new Refused(Refused.Kind.INVALID, "unknown ballot kind '" + k + "'");
            Map<String, Object> voteSettings = new LinkedHashMap<>();
            voteSettings.put("kinds", kinds);
            Map<String, Object> personalisation = personalisation(shift, locked);
            if (personalisation != null) voteSettings.put("personalisation", personalisation);
            List<Map<String, Object>> ageItems = ageItems(ageDays, WebPages.locale(ctx));
            if (!ageItems.isEmpty()) {
                // age limits are approval items: members adopt or reject each (no quorum, simple majority)
                kinds.add(BallotKind.APPROVAL.id());
                voteSettings.put("items", ageItems);
            }
            // One transaction (PanelService): the panel, its organiser and its vote settings exist together or not at all.
            CreatedPanel created = panels.create(name, objectives, rule, revision, MemberSelection.undeclared(),
                    kinds.size() > 1 || personalisation != null ? voteSettings : null);
            WebPages.setCookie(ctx, WebPages.SESSION_COOKIE, created.organiserToken(), -1);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("created_token", created.organiserToken());
            organisePage(ctx, created.organiser(), 201, extra);
        } catch (Refused e) {
            renderNew(ctx, e.kind().status(), Messages.problem(WebPages.locale(ctx), e.getMessage()), draft);
        }
    }

    /**
     * The form's interaction-age limits as approval items {@code {id: age_<days>, label, max_interaction_age_days}}:
     * whole numbers of days from 1 to {@link ApprovalItem#MAX_AGE_DAYS}, each at most once; blank fields add nothing.
     */
    private static List<Map<String, Object>> ageItems(List<String> typed, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (String v : typed) {
            if (v.isEmpty()) continue;
            long days = v.matches("[0-9]{1,9}") ? Long.parseLong(v) : -1;
            if (days < 1 || days > ApprovalItem.MAX_AGE_DAYS) {
                throw new Refused(Refused.Kind.INVALID, "an interaction-age limit is a whole number of days from 1 to " + ApprovalItem.MAX_AGE_DAYS + ", got '" + v + "'");
            }
            if (seen.contains(days)) throw new Refused(Refused.Kind.INVALID, "the interaction-age limit of " + days + " days is entered twice");
            seen.add(days);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "age_" + days);
            item.put("label", Messages.format(locale, "create.age.label", String.valueOf(days)));
            item.put("max_interaction_age_days", days);
            out.add(item);
        }
        return out;
    }

    /**
     * The form's personalisation: the largest shift in percent (blank = users keep the voted weights) and the
     * objectives no user may lower, as the vote settings' {@code personalisation} (a distance in [0, 1]).
     */
    private static Map<String, Object> personalisation(String shiftPercent, List<String> locked) {
        if (shiftPercent.isEmpty()) {
            if (!locked.isEmpty()) throw new Refused(Refused.Kind.INVALID, "locking objectives needs a largest personal shift; give one (0 allows none)");
            return null;
        }
        double percent;
        try {
            percent = Double.parseDouble(shiftPercent.replace(',', '.'));
        } catch (NumberFormatException e) {
            percent = Double.NaN;
        }
        if (!(percent >= 0 && percent <= 100)) throw new Refused(Refused.Kind.INVALID, "the largest personal shift is a percentage from 0 to 100, got '" + shiftPercent + "'");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("max_shift", percent / 100);
        out.put("locked", List.copyOf(locked));
        return out;
    }

    // ---- the organiser's page -----------------------------------------------------------------

    private void organise(Context ctx) {
        organisePage(ctx, pages.organiser(ctx), 200, Map.of());
    }

    private void organisePage(Context ctx, Member me, int status, Map<String, Object> extra) {
        Panel panel = panels.get(me.panelId());
        Locale locale = WebPages.locale(ctx);
        Map<String, Object> m = pages.model(ctx, me, panel);
        m.put("organiser", true);
        m.put("me", me);
        List<String> next = new ArrayList<>();
        for (Phase p : Phase.values()) if (p.ordinal() > panel.phase().ordinal()) next.add(p.id());
        m.put("next_phases", next);
        m.put("members", members.memberCount(panel.id()));
        m.put("ballots", ballots.ballotCount(panel.id()));
        m.put("statements", statements.statements(panel.id()));
        m.putAll(PanelSettingsView.of(panel, settings.get(panel.id()), locale));
        m.put("sweep_open", panel.phase() == Phase.LEARN || panel.phase() == Phase.DELIBERATE);
        sweeps.find(panel.id()).ifPresent(s -> m.put("sweep", sweepSummary(s, locale)));
        // the organiser's page lists the strata the CSV named; the audit page also shows members invited without strata
        m.put("turnout", TurnoutView.of(strata.turnout(panel.id())).rows());
        Optional<PublishedMandate> mandate = tallies.mandate(panel.id());
        if (mandate.isPresent()) {
            m.put("mandate_hash", mandate.get().mandateHash());
            m.put("weights", MandateView.weights(panel, mandate.get(), locale));
        }
        m.putAll(extra);
        WebPages.render(ctx, status, "organise", m);
    }

    private static Map<String, Object> sweepSummary(StoredSweep s, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sha256", s.sha256());
        out.put("points", s.sweep().points().size());
        out.put("objectives", s.sweep().objectives().stream().map(id -> Catalogue.get(id).name().in(locale)).toList());
        out.put("non_dominated", s.sweep().points().stream().filter(p -> p.nonDominated()).count());
        return out;
    }

    private void movePhase(Context ctx) {
        WebPages.requireCsrf(ctx);
        Member me = pages.organiser(ctx);
        panels.moveTo(me.panelId(), WebPages.token(ctx), Phase.of(WebPages.form(ctx, "phase")));
        ctx.redirect("/organise", HttpStatus.SEE_OTHER);
    }

    private void invite(Context ctx) {
        WebPages.requireCsrf(ctx);
        Member me = pages.organiser(ctx);
        int count;
        try {
            count = Integer.parseInt(WebPages.form(ctx, "count").strip());
        } catch (NumberFormatException e) {
            throw new Refused(Refused.Kind.INVALID, "the number of invitations must be a whole number");
        }
        if (count < 1 || count > WebPages.MAX_INVITATIONS_PER_FORM) {
            throw new Refused(Refused.Kind.INVALID, "the form creates 1 to " + WebPages.MAX_INVITATIONS_PER_FORM + " invitations at a time; use the API for more");
        }
        Member.Role role = seatRole(ctx.formParam("role"));
        List<String> tokens = members.invite(me.panelId(), WebPages.token(ctx), count, role);
        organisePage(ctx, me, 201, Map.of("invitations", tokens, "invited_role", role.id()));
    }

    /** The form's seat: a member (the default, as before the choice existed) or an auditor, who reads the conduct and never acts. */
    private static Member.Role seatRole(String role) {
        if (role == null || role.equals("member")) return Member.Role.MEMBER;
        if (role.equals("auditor")) return Member.Role.AUDITOR;
        throw new Refused(Refused.Kind.INVALID, "'role' must be member or auditor, got '" + role + "'");
    }

    /** A CSV of strata, as a file or pasted; a refused file creates nothing and is explained with its line. */
    private void inviteStrata(Context ctx) {
        readMultipart(ctx);
        WebPages.requireCsrf(ctx);
        Member me = pages.organiser(ctx);
        String csv = upload(ctx, "strata_file", "strata_csv");
        try {
            List<StratifiedInvitation> issued = strata.invite(me.panelId(), WebPages.token(ctx), csv);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StratifiedInvitation i : issued) rows.add(Map.of("token", i.token(), "label", TurnoutView.label(new java.util.TreeMap<>(i.attributes()))));
            organisePage(ctx, me, 201, Map.of("stratified", rows));
        } catch (Refused e) {
            if (e.kind() != Refused.Kind.INVALID_STRATA && e.kind() != Refused.Kind.WRONG_PHASE) throw e;
            organisePage(ctx, me, e.kind().status(), Map.of("strata_error", Messages.problem(WebPages.locale(ctx), e.getMessage())));
        }
    }

    private void uploadSweep(Context ctx) {
        readMultipart(ctx);
        WebPages.requireCsrf(ctx);
        Member me = pages.organiser(ctx);
        String json = upload(ctx, "sweep_file", null);
        try {
            StoredSweep s = sweeps.upload(me.panelId(), WebPages.token(ctx), json.getBytes(StandardCharsets.UTF_8));
            organisePage(ctx, me, 200, Map.of("sweep_uploaded", s.sha256()));
        } catch (Refused e) {
            if (e.kind() != Refused.Kind.INVALID_SWEEP && e.kind() != Refused.Kind.WRONG_PHASE) throw e;
            organisePage(ctx, me, e.kind().status(), Map.of("sweep_error", Messages.problem(WebPages.locale(ctx), e.getMessage())));
        }
    }

    /** Parses the multipart form once, turning an upload over the server's bound into a refusal instead of a failure. */
    private static void readMultipart(Context ctx) {
        try {
            ctx.uploadedFiles();
            ctx.formParamMap();
        } catch (Exception e) {
            // the servlet layer reports an oversize or broken multipart body as a (checked) ServletException
            // the rest of such a body is not read, so the connection cannot carry another request: tell the client
            ctx.header("Connection", "close");
            throw new Refused(Refused.Kind.INVALID, "the upload is over " + MAX_UPLOAD_BYTES + " bytes or not a well-formed multipart form");
        }
    }

    /** The uploaded file's text (UTF-8), else the pasted text field, else a refusal. */
    private static String upload(Context ctx, String fileField, String textField) {
        UploadedFile file = ctx.uploadedFile(fileField);
        if (file != null && file.size() > 0) {
            if (file.size() > MAX_UPLOAD_BYTES) throw new Refused(Refused.Kind.INVALID, "uploads are limited to " + MAX_UPLOAD_BYTES + " bytes");
            try (InputStream in = file.content()) {
                return new String(in.readNBytes(MAX_UPLOAD_BYTES + 1), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Refused(Refused.Kind.INVALID, "the uploaded file could not be read");
            }
        }
        String text = textField == null ? null : ctx.formParam(textField);
        if (text != null && !text.isBlank()) return text;
        throw new Refused(Refused.Kind.INVALID, textField == null ? "choose a sweep file (mandate-sweep/1 JSON) to upload" : "choose a CSV file of strata to upload");
    }

    private void hide(Context ctx) {
        WebPages.requireCsrf(ctx);
        Member me = pages.organiser(ctx);
        long statement = WebPages.statementId(ctx);
        statements.hide(me.panelId(), WebPages.token(ctx), statement, WebPages.form(ctx, "reason"));
        ctx.redirect("/organise", HttpStatus.SEE_OTHER);
    }

    private void tally(Context ctx) {
        WebPages.requireCsrf(ctx);
        Member me = pages.organiser(ctx);
        tallies.tally(me.panelId(), WebPages.token(ctx));
        ctx.redirect("/organise", HttpStatus.SEE_OTHER);
    }
}
