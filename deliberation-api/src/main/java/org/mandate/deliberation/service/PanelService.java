package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.MemberSelection;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.tally.WeightRule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.mandate.deliberation.service.Refused.Kind.INVALID;
import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * Creating panels and moving them through their phases. Both are ledgered: the {@code panel} entry
 * ({@link PanelConfigured}) proves the menu, rule and member selection were fixed before voting opened,
 * the {@code phase} entries ({@link PhaseChanged}) when each phase opened and closed.
 */
public final class PanelService {

    private final Jdbi jdbi;
    private final LedgerStore ledger;

    public PanelService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.ledger = new LedgerStore(jdbi);
    }

    /**
     * Creates a panel in phase {@code learn} with its organiser.
     *
     * @param objectives catalogue objective ids the panel votes on
     * @param ruleId     the aggregation rule ({@code mean}, {@code independent_markets}), locked from now on
     */
    public CreatedPanel create(String name, List<String> objectives, String ruleId, boolean allowRevision) {
        return create(name, objectives, ruleId, allowRevision, MemberSelection.undeclared());
    }

    /**
     * Creates a panel as above, recording in its {@code panel} entry ({@link PanelConfigured}) how its
     * members are chosen, the ballot kinds it starts with and the phases it plans to go through.
     */
    public CreatedPanel create(String name, List<String> objectives, String ruleId, boolean allowRevision, MemberSelection selection) {
        return create(name, objectives, ruleId, allowRevision, selection, null);
    }

    /**
     * Creates a panel as above with its vote settings ({@link VoteSettings#fromJson}: ballot kinds, personalisation;
     * null = weights only, settable later) fixed in the same transaction: the panel, its organiser, the
     * {@code panel} entry and the {@code vote_settings} entry all exist, or none does.
     */
    public CreatedPanel create(String name, List<String> objectives, String ruleId, boolean allowRevision, MemberSelection selection,
                               Map<String, Object> voteSettings) {
        if (selection == null) throw new Refused(INVALID, "a panel needs to say how its members are chosen");
        if (name == null || name.isBlank() || name.length() > 200) throw new Refused(INVALID, "a panel needs a name of 1 to 200 characters");
        if (Texts.problem(name, false) != null) throw new Refused(INVALID, "a panel name cannot be stored: " + Texts.problem(name, false));
        ObjectiveMenu menu;
        WeightRule rule;
        try {
            menu = new ObjectiveMenu(objectives);
            rule = WeightRule.byId(ruleId == null ? "" : ruleId);
        } catch (IllegalArgumentException e) {
            throw new Refused(INVALID, e.getMessage());
        }
        // Checked before anything is written; the panel entry names the kinds the panel really starts with.
        List<String> kinds = voteSettings == null ? List.of("weights")
                : VoteSettings.fromJson(voteSettings, menu).kinds().stream().map(BallotKind::id).toList();
        Instant now = Tokens.now();
        String token = Tokens.newToken();
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO panels (name, menu, rule, allow_revision, created_at)
                            VALUES (:name, :menu, :rule, :allowRevision, :createdAt)""")
                    .bind("name", name.strip()).bind("menu", CanonicalJson.write(menu.objectives())).bind("rule", rule.id())
                    .bind("allowRevision", allowRevision).bind("createdAt", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Panel panel = new Panel(id, name.strip(), menu, rule.id(), Phase.LEARN, allowRevision, now);
            Member organiser = MemberService.insertMember(h, id, Member.Role.ORGANISER, null);
            MemberService.insertSession(h, organiser, token);

            PanelConfigured configured = new PanelConfigured(id, panel.name(), menu.objectives(), kinds, rule.id(), rule.version(),
                    rule.settings(), allowRevision, PhaseChanged.PHASES, selection, now.toString());
            ledger.append(h, configured.kind(), configured.canonicalJson());
            if (voteSettings != null) VoteSettingsService.record(h, ledger, panel, voteSettings);
            return new CreatedPanel(panel, organiser, token);
        });
    }

    public Optional<Panel> find(long panelId) {
        return jdbi.withHandle(h -> Panels.find(h, panelId));
    }

    /** The panel, or {@link Refused} NOT_FOUND. */
    public Panel get(long panelId) {
        return find(panelId).orElseThrow(() -> Panels.notFound(panelId));
    }

    /**
     * Moves the panel forward to {@code to} (phases never go back). Waits for ballots being cast to
     * commit, so a ballot is either in before {@code closed} or refused.
     */
    public Panel moveTo(long panelId, String organiserToken, Phase to) {
        return jdbi.inTransaction(h -> {
            Member organiser = Sessions.authenticate(h, organiserToken);
            Panel panel = Panels.exclusive(h, panelId);
            Sessions.requireOrganiser(organiser, panelId);
            if (to.ordinal() <= panel.phase().ordinal()) {
                throw new Refused(WRONG_PHASE, "panel " + panelId + " is in phase " + panel.phase().id() + "; phases only move forward");
            }
            return advance(h, panel, to, organiser);
        });
    }

    /** Sets the phase and ledgers the change; the caller holds the panel row lock. */
    Panel advance(Handle h, Panel panel, Phase to, Member by) {
        Instant now = Tokens.now();
        h.createUpdate("UPDATE panels SET phase = :phase WHERE id = :id").bind("phase", to.id()).bind("id", panel.id()).execute();
        // Only organisers move phases, so the entry names no one (by is checked by the caller).
        PhaseChanged changed = new PhaseChanged(panel.id(), panel.phase().id(), to.id(), now);
        ledger.append(h, changed.kind(), changed.canonicalJson());
        return new Panel(panel.id(), panel.name(), panel.menu(), panel.rule(), to, panel.allowRevision(), panel.createdAt());
    }
}
