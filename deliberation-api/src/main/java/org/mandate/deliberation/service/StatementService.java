package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.StatementModerated;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.deliberation.opinion.OpinionAnalysis;
import org.mandate.deliberation.opinion.OpinionMap;
import org.mandate.deliberation.opinion.VoteMatrix;
import org.mandate.objectives.json.CanonicalJson;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.mandate.deliberation.service.Refused.Kind.FORBIDDEN;
import static org.mandate.deliberation.service.Refused.Kind.INVALID;
import static org.mandate.deliberation.service.Refused.Kind.NOT_FOUND;
import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * Deliberation: members post short statements and vote agree / disagree / pass on others' statements
 * while the panel is in phase {@code deliberate}; organisers may hide a statement, and the hiding and
 * its reason go into the ledger as a {@code moderation} entry. The opinion map is computed from the
 * latest vote of every member on every visible statement.
 */
public final class StatementService {

    public static final int MAX_STATEMENT_LENGTH = 280;
    public static final int MAX_REASON_LENGTH = 500;
    /** The seed of the opinion map's k-means: the same votes always draw the same map. */
    public static final long OPINION_SEED = 20_240_601L;

    private static final RowMapper<Statement> STATEMENT = (rs, ctx) -> new Statement(rs.getLong("id"), rs.getLong("panel_id"),
            rs.getString("voter_id"), rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getString("reason"));

    private static final String SELECT = """
            SELECT s.id, s.panel_id, m.voter_id, s.body, s.created_at, h.reason
              FROM statements s JOIN members m ON m.id = s.member_id
              LEFT JOIN statement_hidings h ON h.statement_id = s.id
            """;

    private static final int MAX_CACHED_MAPS = 1_000;

    private final Jdbi jdbi;
    private final LedgerStore ledger;
    /** Per instance: a stale entry is never served, because the stamp is read from the database each time. */
    private final java.util.concurrent.ConcurrentHashMap<Long, CachedMap> maps = new java.util.concurrent.ConcurrentHashMap<>();

    public StatementService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.ledger = new LedgerStore(jdbi);
    }

    /** Posts a statement: members of the panel only, in phase {@code deliberate}, 1 to 280 characters. */
    public Statement post(long panelId, String bearerToken, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_STATEMENT_LENGTH) {
            throw new Refused(INVALID, "a statement needs 1 to " + MAX_STATEMENT_LENGTH + " characters");
        }
        String bad = Texts.problem(body, true);
        if (bad != null) throw new Refused(INVALID, "this statement cannot be posted: " + bad);
        return jdbi.inTransaction(h -> {
            Member member = deliberatingMember(h, panelId, bearerToken);
            Instant now = Tokens.now();
            long id = h.createUpdate("INSERT INTO statements (panel_id, member_id, body, created_at) VALUES (:p, :m, :body, :at)")
                    .bind("p", panelId).bind("m", member.id()).bind("body", body).bind("at", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Statement(id, panelId, member.voterId(), body, now, null);
        });
    }

    /** Records a vote on another member's visible statement; voting again replaces the earlier vote in the count. */
    public StatementVote vote(long panelId, String bearerToken, long statementId, Stance stance) {
        if (stance == null) throw new Refused(INVALID, "a vote is agree, disagree or pass");
        return jdbi.inTransaction(h -> {
            Member member = deliberatingMember(h, panelId, bearerToken);
            Statement s = statement(h, panelId, statementId);
            if (s.hidden()) throw new Refused(NOT_FOUND, "statement " + statementId + " has been hidden by the organiser");
            if (s.author().equals(member.voterId())) throw new Refused(FORBIDDEN, "members vote on others' statements, not their own");
            Instant now = Tokens.now();
            h.createUpdate("INSERT INTO statement_votes (panel_id, statement_id, member_id, vote, created_at) VALUES (:p, :s, :m, :v, :at)")
                    .bind("p", panelId).bind("s", statementId).bind("m", member.id()).bind("v", (short) stance.value()).bind("at", now)
                    .execute();
            return new StatementVote(panelId, statementId, member.voterId(), stance, now);
        });
    }

    /**
     * Hides a statement from the panel, for a reason that is published: the {@code moderation} ledger
     * entry ({@link StatementModerated}) names the panel, the statement, the SHA-256 of its text, the reason
     * and the moderator's role.
     */
    public Moderation hide(long panelId, String organiserToken, long statementId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON_LENGTH) throw new Refused(INVALID, "hiding a statement needs a reason of 1 to " + MAX_REASON_LENGTH + " characters");
        String bad = Texts.problem(why, false);
        if (bad != null) throw new Refused(INVALID, "this reason cannot be recorded: " + bad);
        return jdbi.inTransaction(h -> {
            Member organiser = Sessions.authenticate(h, organiserToken);
            Panels.shared(h, panelId);
            Sessions.requireOrganiser(organiser, panelId);
            // Row lock on the statement: of two concurrent hidings, the second sees the first and is refused.
            h.createQuery("SELECT id FROM statements WHERE id = :s AND panel_id = :p FOR UPDATE").bind("s", statementId).bind("p", panelId)
                    .mapTo(Long.class).findOne().orElseThrow(() -> noStatement(panelId, statementId));
            Statement s = statement(h, panelId, statementId);
            if (s.hidden()) throw new Refused(INVALID, "statement " + statementId + " is already hidden");
            // The moderator is named by role only: moderation is accountable as an office, not as a person.
            StatementModerated moderated = new StatementModerated(panelId, statementId,
                    CanonicalJson.sha256Hex(s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)), StatementModerated.Action.HIDE, why,
                    Member.Role.ORGANISER.id(), Tokens.now().toString());
            LedgerEntry e = ledger.append(h, moderated.kind(), moderated.canonicalJson());
            h.createUpdate("INSERT INTO statement_hidings (statement_id, reason, ledger_seq) VALUES (:s, :r, :seq)")
                    .bind("s", statementId).bind("r", why).bind("seq", e.seq()).execute();
            return new Moderation(panelId, statementId, why, organiser.voterId(), e);
        });
    }

    /** Every statement of the panel, hidden ones included (their text is withheld by {@link Statement#toJson}), oldest first. */
    public List<Statement> statements(long panelId) {
        return jdbi.withHandle(h -> {
            Panels.find(h, panelId).orElseThrow(() -> Panels.notFound(panelId));
            return h.createQuery(SELECT + " WHERE s.panel_id = :p ORDER BY s.id").bind("p", panelId).map(STATEMENT).list();
        });
    }

    public Optional<Statement> find(long panelId, long statementId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE s.panel_id = :p AND s.id = :s").bind("p", panelId).bind("s", statementId)
                .map(STATEMENT).findOne());
    }

    /** A member's current (latest) vote on each statement they voted on. */
    public Map<Long, Stance> votesOf(long panelId, String voterId) {
        return jdbi.withHandle(h -> {
            Map<Long, Stance> out = new HashMap<>();
            h.createQuery("""
                            SELECT DISTINCT ON (v.statement_id) v.statement_id, v.vote
                              FROM statement_votes v JOIN members m ON m.id = v.member_id
                             WHERE v.panel_id = :p AND m.voter_id = :voter
                             ORDER BY v.statement_id, v.id DESC""")
                    .bind("p", panelId).bind("voter", voterId)
                    .map((rs, ctx) -> Map.entry(rs.getLong("statement_id"), Stance.ofValue(rs.getInt("vote"))))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /**
     * The participant × statement matrix of latest votes on visible statements. Participants are the
     * members who voted at least once, in order of joining; statements in order of posting.
     */
    public VoteMatrix matrix(long panelId) {
        return jdbi.withHandle(h -> {
            Panels.find(h, panelId).orElseThrow(() -> Panels.notFound(panelId));
            List<Long> statements = h.createQuery("""
                            SELECT s.id FROM statements s
                             WHERE s.panel_id = :p AND NOT EXISTS (SELECT 1 FROM statement_hidings x WHERE x.statement_id = s.id)
                             ORDER BY s.id""")
                    .bind("p", panelId).mapTo(Long.class).list();
            record Cell(long memberId, String voterId, long statementId, int vote) {}
            List<Cell> cells = h.createQuery("""
                            SELECT DISTINCT ON (v.member_id, v.statement_id) v.member_id, m.voter_id, v.statement_id, v.vote
                              FROM statement_votes v JOIN members m ON m.id = v.member_id
                             WHERE v.panel_id = :p
                               AND NOT EXISTS (SELECT 1 FROM statement_hidings x WHERE x.statement_id = v.statement_id)
                             ORDER BY v.member_id, v.statement_id, v.id DESC""")
                    .bind("p", panelId)
                    .map((rs, ctx) -> new Cell(rs.getLong("member_id"), rs.getString("voter_id"), rs.getLong("statement_id"), rs.getInt("vote")))
                    .list();
            Map<Long, Integer> column = new HashMap<>();
            for (int j = 0; j < statements.size(); j++) column.put(statements.get(j), j);
            Map<Long, Integer> row = new LinkedHashMap<>();
            List<String> participants = new ArrayList<>();
            for (Cell c : cells) {
                if (row.putIfAbsent(c.memberId(), row.size()) == null) participants.add(c.voterId());
            }
            double[][] votes = new double[participants.size()][statements.size()];
            for (double[] r : votes) Arrays.fill(r, Double.NaN);
            for (Cell c : cells) votes[row.get(c.memberId())][column.get(c.statementId())] = c.vote();
            return new VoteMatrix(participants, statements, votes);
        });
    }

    /**
     * Opinion groups, positions and bridging consensus for the panel (see {@link OpinionAnalysis}). The
     * map is recomputed only when the panel's statements, votes or hidings changed: every page view asks
     * for it, and for thousands of participants the analysis takes a second.
     */
    public OpinionMap opinionMap(long panelId) {
        String stamp = jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT coalesce(max(id), 0) FROM statement_votes WHERE panel_id = :p) || ':' ||
                               (SELECT count(*) FROM statements WHERE panel_id = :p) || ':' ||
                               (SELECT count(*) FROM statement_hidings x JOIN statements s ON s.id = x.statement_id WHERE s.panel_id = :p)""")
                .bind("p", panelId).mapTo(String.class).one());
        CachedMap cached = maps.get(panelId);
        if (cached != null && cached.stamp().equals(stamp)) return cached.map();
        OpinionMap map = OpinionAnalysis.analyse(matrix(panelId), OPINION_SEED);
        if (maps.size() >= MAX_CACHED_MAPS) maps.clear();
        maps.put(panelId, new CachedMap(stamp, map));
        return map;
    }

    private record CachedMap(String stamp, OpinionMap map) {}

    private static Member deliberatingMember(Handle h, long panelId, String bearerToken) {
        Member member = Sessions.authenticate(h, bearerToken);
        Panel panel = Panels.shared(h, panelId);
        if (member.panelId() != panelId || member.role() != Member.Role.MEMBER) {
            throw new Refused(FORBIDDEN, "this token does not hold a seat on panel " + panelId);
        }
        if (panel.phase() != Phase.DELIBERATE) {
            throw new Refused(WRONG_PHASE, "panel " + panelId + " is in phase " + panel.phase().id() + "; statements and their votes are taken in phase deliberate");
        }
        return member;
    }

    private static Statement statement(Handle h, long panelId, long statementId) {
        return h.createQuery(SELECT + " WHERE s.panel_id = :p AND s.id = :s").bind("p", panelId).bind("s", statementId)
                .map(STATEMENT).findOne().orElseThrow(() -> noStatement(panelId, statementId));
    }

    private static Refused noStatement(long panelId, long statementId) {
        return new Refused(NOT_FOUND, "panel " + panelId + " has no statement " + statementId);
    }
}
