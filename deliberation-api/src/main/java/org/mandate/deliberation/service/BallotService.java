package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.json.Json;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.mandate.deliberation.service.Refused.Kind.FORBIDDEN;
import static org.mandate.deliberation.service.Refused.Kind.INVALID;
import static org.mandate.deliberation.service.Refused.Kind.UNAUTHORISED;
import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * Casting ballots of every kind the panel offers. A ballot is validated completely before anything is
 * written (the caller's seat, the phase, the kind, every number and option against the panel's menu and
 * vote settings); then it is queued for the group-commit {@link BallotWriter}, which writes the ballot
 * row and its ledger entry in the same transaction as the other ballots queued with it, so the record
 * never holds one without the other. Every version is kept; the latest version of each member and kind
 * is the one that counts.
 */
public final class BallotService implements AutoCloseable {

    private final Jdbi jdbi;
    private final LedgerStore ledger;
    /** Menus and vote settings of panels that are voting: both are fixed by then, so they are read once. */
    private final Map<Long, Ballots> fixed = new ConcurrentHashMap<>();
    private volatile BallotWriter writer;

    /** What a panel's ballots are checked against. */
    private record Ballots(ObjectiveMenu menu, VoteSettings settings) {}

    public BallotService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.ledger = new LedgerStore(jdbi);
    }

    /**
     * Casts a weight ballot given as points out of 100 per objective.
     *
     * @throws BallotRejected for a ballot that cannot be counted (its reason says why), including
     *                        {@code ALREADY_VOTED} when the panel does not allow revision
     * @throws Refused        for a bad token ({@code UNAUTHORISED}), an organiser or a member of another
     *                        panel ({@code FORBIDDEN}), an unknown panel, or a panel not in phase {@code vote}
     */
    public Receipt submit(long panelId, String bearerToken, Map<String, ? extends Number> points) {
        return submit(panelId, bearerToken, BallotKind.WEIGHTS, Map.of("points", points));
    }

    /**
     * Casts a ballot of any kind. {@code body} holds the kind's field: {@code points} (weights),
     * {@code floors}, {@code comparisons}, {@code ranking} or {@code votes} (approval); see
     * {@link BallotContent#parse}. A kind the panel does not offer is refused ({@code INVALID}).
     */
    public Receipt submit(long panelId, String bearerToken, BallotKind kind, Map<String, Object> body) {
        if (bearerToken == null || bearerToken.isBlank()) throw new Refused(UNAUTHORISED, "a bearer token is required");
        record Caller(Member member, Phase phase, String menu, String settings) {}
        Caller caller = jdbi.withHandle(h -> h.createQuery("""
                        SELECT m.id, m.panel_id, m.voter_id, m.role, p.phase, p.menu, vs.settings
                          FROM sessions s JOIN members m ON m.id = s.member_id
                          JOIN panels p ON p.id = m.panel_id
                          LEFT JOIN vote_settings vs ON vs.panel_id = p.id
                         WHERE s.token_hash = :hash""")
                .bind("hash", Tokens.hash(bearerToken))
                .map((rs, ctx) -> new Caller(Sessions.MEMBER.map(rs, ctx), Phase.of(rs.getString("phase")), rs.getString("menu"), rs.getString("settings")))
                .findOne().orElseThrow(() -> new Refused(UNAUTHORISED, "the bearer token is not valid")));
        Member member = caller.member();
        if (member.panelId() != panelId) {
            if (jdbi.withHandle(h -> Panels.find(h, panelId)).isEmpty()) throw Panels.notFound(panelId);
            throw new Refused(FORBIDDEN, "this token does not hold a seat on panel " + panelId);
        }
        if (member.role() != Member.Role.MEMBER) throw new Refused(FORBIDDEN, "this token does not hold a seat on panel " + panelId);
        if (caller.phase() != Phase.VOTE) {
            throw new Refused(WRONG_PHASE, "panel " + panelId + " is in phase " + caller.phase().id() + "; ballots are accepted in phase vote");
        }
        Ballots b = fixed.computeIfAbsent(panelId, id -> {
            @SuppressWarnings("unchecked")
            ObjectiveMenu menu = new ObjectiveMenu((List<String>) Json.parse(caller.menu()));
            return new Ballots(menu, caller.settings() == null ? VoteSettings.WEIGHTS_ONLY : VoteSettings.parseStored(caller.settings(), menu));
        });
        if (!b.settings().offers(kind)) {
            throw new Refused(INVALID, "panel " + panelId + " does not offer " + kind.id() + " ballots; it offers "
                    + String.join(", ", b.settings().kinds().stream().map(BallotKind::id).toList()));
        }
        BallotContent content = BallotContent.parse(kind, member.voterId(), body, b.menu(), b.settings());
        return writer().write(panelId, member.id(), member.voterId(), content);
    }

    BallotWriter writer() {
        BallotWriter w = writer;
        if (w != null) return w;
        synchronized (this) {
            if (writer == null) writer = new BallotWriter(jdbi, ledger);
            return writer;
        }
    }

    /** The stored ballot with this receipt, and whether it is the version that counts. */
    public Optional<CastBallot> findByReceipt(String receipt) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT b.panel_id, m.voter_id, b.kind, b.version, b.ballot, b.receipt, b.ledger_seq,
                               b.version = (SELECT max(version) FROM ballots x
                                             WHERE x.panel_id = b.panel_id AND x.member_id = b.member_id AND x.kind = b.kind) AS counts
                          FROM ballots b JOIN members m ON m.id = b.member_id
                         WHERE b.receipt = :receipt""")
                .bind("receipt", receipt)
                .map((rs, ctx) -> new CastBallot(rs.getLong("panel_id"), rs.getString("voter_id"), rs.getInt("version"),
                        rs.getString("ballot"), rs.getString("receipt"), rs.getLong("ledger_seq"), rs.getBoolean("counts"), rs.getString("kind")))
                .findOne());
    }

    /** How many ballot rows (all versions, all kinds) a panel has. */
    public int ballotCount(long panelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM ballots WHERE panel_id = :p").bind("p", panelId).mapTo(Integer.class).one());
    }

    /** The kinds of ballot this member has cast on their panel, each with its latest stored ballot JSON. */
    public Map<BallotKind, String> latestOf(Member member) {
        Map<BallotKind, String> out = new java.util.EnumMap<>(BallotKind.class);
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT DISTINCT ON (kind) kind, ballot FROM ballots
                         WHERE panel_id = :p AND member_id = :m ORDER BY kind, version DESC""")
                .bind("p", member.panelId()).bind("m", member.id())
                .map((rs, ctx) -> out.put(BallotKind.of(rs.getString("kind")), rs.getString("ballot"))).list());
        return out;
    }

    /** A member's latest ballot of one kind, as a tally reads it. */
    record Counted(String voter, BallotContent content) {}

    /** The latest ballot of every member of the panel, of one kind, in voter order. */
    static List<Counted> latest(Handle h, long panelId, BallotKind kind) {
        return h.createQuery("""
                        SELECT DISTINCT ON (b.member_id) m.voter_id, b.ballot FROM ballots b JOIN members m ON m.id = b.member_id
                         WHERE b.panel_id = :p AND b.kind = :k
                         ORDER BY b.member_id, b.version DESC""")
                .bind("p", panelId).bind("k", kind.id())
                .map((rs, ctx) -> new Counted(rs.getString("voter_id"), BallotContent.stored(kind, Json.parseObject(rs.getString("ballot")))))
                .list().stream().sorted(java.util.Comparator.comparing(Counted::voter)).toList();
    }

    @Override
    public void close() {
        BallotWriter w = writer;
        if (w != null) w.close();
    }
}
