package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.VoteSettingsFixed;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.json.CanonicalJson;

import java.util.Map;

import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * The organiser fixes which ballot kinds the panel offers, once, before voting opens; the settings are
 * published in the ledger ({@code vote_settings} entry) so everyone can see the ballot was fixed before
 * anyone voted.
 */
public final class VoteSettingsService {

    public static final String LEDGER_KIND = VoteSettingsFixed.KIND;

    private final Jdbi jdbi;
    private final LedgerStore ledger;

    public VoteSettingsService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.ledger = new LedgerStore(jdbi);
    }

    /** Sets the panel's vote settings (organiser, phase learn or deliberate, once); checked against its menu first. */
    public VoteSettings set(long panelId, String organiserToken, Map<String, Object> json) {
        return jdbi.inTransaction(h -> {
            Member organiser = Sessions.authenticate(h, organiserToken);
            Panel panel = Panels.exclusive(h, panelId);
            Sessions.requireOrganiser(organiser, panelId);
            if (panel.phase() == Phase.VOTE || panel.phase() == Phase.CLOSED) {
                throw new Refused(WRONG_PHASE, "panel " + panelId + " is in phase " + panel.phase().id() + "; the ballot is fixed before voting opens");
            }
            if (stored(h, panelId) != null) throw new Refused(WRONG_PHASE, "panel " + panelId + " already has its vote settings; they are set once");
            return record(h, ledger, panel, json);
        });
    }

    /**
     * Checks the settings against the panel's menu, ledgers and stores them, in the caller's transaction (the
     * caller checked the organiser and the phase): {@link PanelService} fixes a new panel's settings in the
     * same transaction that creates it.
     */
    static VoteSettings record(Handle h, LedgerStore ledger, Panel panel, Map<String, Object> json) {
        long panelId = panel.id();
        VoteSettings settings = VoteSettings.fromJson(json, panel.menu());
        String canonical = CanonicalJson.write(settings.toJson());
        VoteSettingsFixed fixed = new VoteSettingsFixed(panelId, settings.toJson());
        LedgerEntry e = ledger.append(h, fixed.kind(), fixed.canonicalJson());
        h.createUpdate("INSERT INTO vote_settings (panel_id, settings, ledger_seq) VALUES (:p, :s, :seq)")
                .bind("p", panelId).bind("s", canonical).bind("seq", e.seq()).execute();
        return settings;
    }

    /** The panel's vote settings (weights only when the organiser set none). */
    public VoteSettings get(long panelId) {
        return jdbi.withHandle(h -> of(h, Panels.find(h, panelId).orElseThrow(() -> Panels.notFound(panelId))));
    }

    static VoteSettings of(Handle h, Panel panel) {
        String stored = stored(h, panel.id());
        return stored == null ? VoteSettings.WEIGHTS_ONLY : VoteSettings.parseStored(stored, panel.menu());
    }

    private static String stored(Handle h, long panelId) {
        return h.createQuery("SELECT settings FROM vote_settings WHERE panel_id = :p").bind("p", panelId).mapTo(String.class).findOne().orElse(null);
    }
}
