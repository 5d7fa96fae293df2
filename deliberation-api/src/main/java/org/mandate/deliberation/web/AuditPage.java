package org.mandate.deliberation.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.DelegationChanged;
import org.mandate.audit.ledger.HashChain;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.LedgerView;
import org.mandate.audit.ledger.MandatePublished;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.audit.ledger.StatementModerated;
import org.mandate.audit.ledger.SweepPublished;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.ledger.VoteSettingsFixed;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.deliberation.service.Member;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.Panel;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.PublishedMandate;
import org.mandate.deliberation.service.StrataService;
import org.mandate.deliberation.service.TallyService;
import org.mandate.deliberation.service.VoteSettingsService;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The auditor's page: how the panel is being conducted, read-only. It shows what the API already gives an
 * auditor and no more: the settings fixed before voting, the phase timeline and other conduct entries of
 * the public ledger, turnout by stratum (the counts of {@code GET /api/panels/{id}/strata}), how many
 * delegations are in force, the moderation log (reasons, never the hidden text), the mandate and the
 * chain's verification, with links to the JSON behind each. Ballots appear only as counts, and no member's
 * pseudonym is shown. The page has no form: an auditor never acts. The organiser may read it too.
 */
public final class AuditPage {

    private final WebPages pages;
    private final PanelService panels;
    private final MemberService members;
    private final StrataService strata;
    private final TallyService tallies;
    private final VoteSettingsService settings;
    private final LedgerStore ledger;

    public AuditPage(WebPages pages, PanelService panels, MemberService members, StrataService strata, TallyService tallies,
                     VoteSettingsService settings, LedgerStore ledger) {
        this.pages = pages;
        this.panels = panels;
        this.members = members;
        this.strata = strata;
        this.tallies = tallies;
        this.settings = settings;
        this.ledger = ledger;
    }

    public void register(RoutesConfig r) {
        r.get("/audit", this::audit);
    }

    private void audit(Context ctx) {
        Member me = pages.signedIn(ctx);
        // the same check as the API's turnout read: the organiser or an auditor of this panel, anyone else 403
        members.requireOverseer(me.panelId(), WebPages.token(ctx));
        Panel panel = panels.get(me.panelId());
        Locale locale = WebPages.locale(ctx);
        Map<String, Object> m = pages.model(ctx, me, panel);
        m.putAll(PanelSettingsView.of(panel, settings.get(panel.id()), locale));

        TurnoutView turnout = TurnoutView.of(strata.turnout(panel.id()));
        m.put("turnout", turnout.rows());
        m.put("turnout_unstratified", turnout.unstratified());
        m.put("turnout_total", Map.of("members", turnout.members(), "voted", turnout.voted()));

        // one read of the chain for both the typed view and its verification
        List<LedgerEntry> entries = ledger.entries();
        LedgerView record = LedgerView.of(entries);
        long id = panel.id();
        m.put("timeline", timeline(record, id, locale));
        m.put("moderation", moderation(record, id, locale));
        m.put("ballot_entries", record.ballotVersions(id));
        m.put("delegations_in_force", delegationsInForce(record, id));
        m.put("delegation_changes", record.all(DelegationChanged.class).stream().filter(t -> t.event().panelId() == id).count());

        Optional<PublishedMandate> mandate = tallies.mandate(id);
        if (mandate.isPresent()) {
            m.put("mandate_hash", mandate.get().mandateHash());
            m.put("weights", MandateView.weights(panel, mandate.get(), locale));
        }
        ChainVerification chain = HashChain.verify(entries);
        m.put("chain", Map.of("ok", chain.ok(), "entries", chain.entries(), "head", chain.head() == null ? "" : chain.head(),
                "first_bad", chain.firstBadSeq(), "reason", chain.reason() == null ? "" : chain.reason()));
        WebPages.render(ctx, 200, "audit", m);
    }

    /** The panel's conduct entries in record order: creation, vote settings, sweeps, phase changes, tallies, mandates. */
    private static List<Map<String, Object>> timeline(LedgerView record, long panelId, Locale locale) {
        Map<String, String> t = Messages.of(locale);
        List<Map<String, Object>> out = new ArrayList<>();
        for (LedgerView.Typed<?> typed : record.events()) {
            LedgerEvent e = typed.event();
            String text;
            String at = null;
            switch (e) {
                case PanelConfigured c when c.panelId() == panelId -> {
                    text = t.get("audit.event.panel");
                    at = c.createdAt();
                }
                case VoteSettingsFixed v when v.panelId() == panelId -> text = t.get("audit.event.settings");
                case SweepPublished s when s.panelId() == panelId -> text = Messages.format(locale, "audit.event.sweep", s.points());
                case PhaseChanged p when p.panelId() == panelId -> {
                    text = Messages.format(locale, "audit.event.phase", t.get("phase." + p.from()), t.get("phase." + p.to()));
                    at = p.at();
                }
                case TallyComputed c when c.panelId() == panelId -> text = Messages.format(locale, "audit.event.tally", c.tally().ballotCount());
                case MandatePublished p when p.panelId() == panelId -> text = t.get("audit.event.mandate");
                default -> text = null;
            }
            if (text == null) continue;
            Map<String, Object> row = new HashMap<>();
            row.put("seq", typed.entry().seq());
            row.put("kind", typed.entry().kind());
            row.put("text", text);
            row.put("at", at == null ? "" : when(at, locale));
            out.add(row);
        }
        return out;
    }

    /** Hidings and restorations with their published reasons; the statement by number, its text withheld as the API withholds it. */
    private static List<Map<String, Object>> moderation(LedgerView record, long panelId, Locale locale) {
        Map<String, String> t = Messages.of(locale);
        List<Map<String, Object>> out = new ArrayList<>();
        for (LedgerView.Typed<StatementModerated> typed : record.all(StatementModerated.class)) {
            StatementModerated e = typed.event();
            if (e.panelId() != panelId) continue;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", typed.entry().seq());
            row.put("at", when(e.at(), locale));
            row.put("action", t.getOrDefault("audit.moderation." + e.action().id(), e.action().id()));
            row.put("statement", e.statementId());
            row.put("reason", e.reason());
            row.put("by", t.getOrDefault("audit.role." + e.byRole(), e.byRole()));
            out.add(row);
        }
        return out;
    }

    /** Delegations in force now: each delegator's latest entry, unless it revoked (the rule the tally and the verifier apply). */
    private static long delegationsInForce(LedgerView record, long panelId) {
        Map<String, Boolean> latest = new HashMap<>();
        for (LedgerView.Typed<DelegationChanged> typed : record.all(DelegationChanged.class)) {
            if (typed.event().panelId() == panelId) latest.put(typed.event().delegator(), !typed.event().revokes());
        }
        return latest.values().stream().filter(b -> b).count();
    }

    private static String when(String instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(Instant.parse(instant)) + " UTC";
    }
}
