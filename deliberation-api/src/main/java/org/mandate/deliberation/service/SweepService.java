package org.mandate.deliberation.service;

import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.SweepPublished;
import org.mandate.deliberation.ledger.LedgerStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.mandate.deliberation.service.Refused.Kind.NO_SWEEP;
import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * The trade-off sweeps of panels. An organiser uploads one before voting opens (a new upload replaces
 * the shown one but the earlier rows stay); each upload is validated completely first, then stored with a
 * {@code sweep} ledger entry ({@link SweepPublished}) naming its SHA-256, so an auditor can tell which trade-offs voters saw.
 */
public final class SweepService {

    /** Parsed sweeps by hash: the vote page asks for predictions on every keystroke. */
    private static final Map<String, TradeOffs> PARSED = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 64;

    private final Jdbi jdbi;
    private final LedgerStore ledger;

    public SweepService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.ledger = new LedgerStore(jdbi);
    }

    /** Validates {@code file} ({@code mandate-sweep/1}) and stores it as the panel's sweep. */
    public StoredSweep upload(long panelId, String organiserToken, byte[] file) {
        // authenticate before parsing, so a stranger cannot make the server read large files
        jdbi.useHandle(h -> Sessions.requireOrganiser(Sessions.authenticate(h, organiserToken), panelId));
        Sweep sweep = SweepReader.read(file);
        String canonical = sweep.canonicalJson();
        String sha = sweep.sha256();
        return jdbi.inTransaction(h -> {
            Member organiser = Sessions.authenticate(h, organiserToken);
            Panel panel = Panels.shared(h, panelId);
            Sessions.requireOrganiser(organiser, panelId);
            if (panel.phase() != Phase.LEARN && panel.phase() != Phase.DELIBERATE) {
                throw new Refused(WRONG_PHASE, "panel " + panelId + " is in phase " + panel.phase().id()
                        + "; a sweep can be uploaded until voting opens, so every voter sees the same trade-offs");
            }
            if (!panel.menu().objectives().containsAll(sweep.objectives())) {
                throw new Refused(Refused.Kind.INVALID_SWEEP, "sweep file: objectives: the sweep covers " + sweep.objectives()
                        + " but the panel's menu is " + panel.menu().objectives());
            }
            SweepPublished published = new SweepPublished(panelId, sha, Sweep.FORMAT, sweep.objectives(), sweep.step(), sweep.points().size(),
                    organiser.voterId());
            LedgerEntry e = ledger.append(h, published.kind(), published.canonicalJson());
            h.createUpdate("INSERT INTO panel_sweeps (panel_id, sweep, sha256, ledger_seq) VALUES (:p, :s, :sha, :seq)")
                    .bind("p", panelId).bind("s", canonical).bind("sha", sha).bind("seq", e.seq()).execute();
            return new StoredSweep(panelId, sha, e.seq(), sweep);
        });
    }

    /** The panel's current sweep, if one was uploaded. */
    public Optional<StoredSweep> find(long panelId) {
        return latest(panelId).map(r -> new StoredSweep(panelId, r.sha(), r.seq(), parsed(r.sha(), r.sweep()).sweep()));
    }

    /** Predictions from the panel's current sweep, or {@link Refused} NO_SWEEP (NOT_FOUND for an unknown panel). */
    public TradeOffs tradeOffs(long panelId) {
        Row r = latest(panelId).orElseThrow(() -> {
            jdbi.useHandle(h -> Panels.find(h, panelId).orElseThrow(() -> Panels.notFound(panelId)));
            return new Refused(NO_SWEEP, "panel " + panelId + " has no trade-off sweep yet");
        });
        return parsed(r.sha(), r.sweep());
    }

    private record Row(String sweep, String sha, long seq) {}

    private Optional<Row> latest(long panelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT sweep, sha256, ledger_seq FROM panel_sweeps WHERE panel_id = :p ORDER BY id DESC LIMIT 1")
                .bind("p", panelId).map((rs, ctx) -> new Row(rs.getString("sweep"), rs.getString("sha256"), rs.getLong("ledger_seq"))).findOne());
    }

    private static TradeOffs parsed(String sha, String json) {
        TradeOffs cached = PARSED.get(sha);
        if (cached != null) return cached;
        if (PARSED.size() >= CACHE_LIMIT) PARSED.clear();
        TradeOffs parsed = new TradeOffs(SweepReader.read(json));
        PARSED.put(sha, parsed);
        return parsed;
    }
}
