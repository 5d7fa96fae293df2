package org.mandate.deliberation.service;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.ballot.BallotRejected;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.json.CanonicalJson;
import org.postgresql.util.PSQLException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.mandate.deliberation.service.Refused.Kind.FORBIDDEN;
import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;
import static org.mandate.objectives.ballot.BallotRejected.Reason.ALREADY_VOTED;

/**
 * Casting ballots. A ballot is validated completely before anything is written; then the ballot row and
 * its {@code ballot} ledger entry are written in one transaction, so the record never holds one without
 * the other. Every version is kept; the latest version of each member is the one that counts.
 */
public final class BallotService {

    private final Jdbi jdbi;
    private final LedgerStore ledger;

    public BallotService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.ledger = new LedgerStore(jdbi);
    }

    /**
     * Casts a ballot given as points out of 100 per objective.
     *
     * @throws BallotRejected for a ballot that cannot be counted (its reason says why), including
     *                        {@code ALREADY_VOTED} when the panel does not allow revision
     * @throws Refused        for a bad token ({@code UNAUTHORISED}), an organiser or a member of another
     *                        panel ({@code FORBIDDEN}), an unknown panel, or a panel not in phase {@code vote}
     */
    public Receipt submit(long panelId, String bearerToken, Map<String, ? extends Number> points) {
        try {
            return jdbi.inTransaction(h -> {
                Member member = Sessions.authenticate(h, bearerToken);
                Panel panel = Panels.shared(h, panelId);
                if (member.panelId() != panelId || member.role() != Member.Role.MEMBER) {
                    throw new Refused(FORBIDDEN, "this token does not hold a seat on panel " + panelId);
                }
                if (panel.phase() != Phase.VOTE) {
                    throw new Refused(WRONG_PHASE, "panel " + panelId + " is in phase " + panel.phase().id() + "; ballots are accepted in phase vote");
                }
                WeightBallot ballot = panel.menu().admit(WeightBallot.ofPoints(member.voterId(), points));

                // One member's submissions queue here, so the version below is exact (the unique key backs it up).
                h.createQuery("SELECT id FROM members WHERE id = :id FOR UPDATE").bind("id", member.id()).mapTo(Long.class).one();
                int latest = h.createQuery("SELECT coalesce(max(version), 0) FROM ballots WHERE panel_id = :p AND member_id = :m")
                        .bind("p", panelId).bind("m", member.id()).mapTo(Integer.class).one();
                if (latest > 0 && !panel.allowRevision()) {
                    throw new BallotRejected(ALREADY_VOTED, "you have already voted on panel " + panelId + ", and it does not allow changing a ballot");
                }
                int version = latest + 1;
                Instant castAt = Tokens.now();

                // The ledger entry is the ballot plus its receipt: anyone can recompute one from the other.
                BallotCast cast = new BallotCast(panelId, member.voterId(), version, ballot.weights(), castAt);
                String canonical = CanonicalJson.write(cast.ballot());
                String receipt = cast.receipt();
                LedgerEntry entry = ledger.append(h, cast.kind(), cast.canonicalJson());
                h.createUpdate("""
                                INSERT INTO ballots (panel_id, member_id, version, ballot, receipt, ledger_seq, created_at)
                                VALUES (:panel, :member, :version, :ballot, :receipt, :seq, :castAt)""")
                        .bind("panel", panelId).bind("member", member.id()).bind("version", version)
                        .bind("ballot", canonical).bind("receipt", receipt).bind("seq", entry.seq()).bind("castAt", castAt)
                        .execute();
                return new Receipt(receipt, panelId, member.voterId(), version, entry.seq(), castAt, canonical);
            });
        } catch (StatementException e) {
            if (violates(e, "ballots_one_per_version")) {
                throw new BallotRejected(ALREADY_VOTED, "a ballot from this member was recorded at the same moment; only one counts");
            }
            throw e;
        }
    }

    /** The stored ballot with this receipt, and whether it is the version that counts. */
    public Optional<CastBallot> findByReceipt(String receipt) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT b.panel_id, m.voter_id, b.version, b.ballot, b.receipt, b.ledger_seq,
                               b.version = (SELECT max(version) FROM ballots x WHERE x.panel_id = b.panel_id AND x.member_id = b.member_id) AS counts
                          FROM ballots b JOIN members m ON m.id = b.member_id
                         WHERE b.receipt = :receipt""")
                .bind("receipt", receipt)
                .map((rs, ctx) -> new CastBallot(rs.getLong("panel_id"), rs.getString("voter_id"), rs.getInt("version"),
                        rs.getString("ballot"), rs.getString("receipt"), rs.getLong("ledger_seq"), rs.getBoolean("counts")))
                .findOne());
    }

    /** How many ballot rows (all versions) a panel has. */
    public int ballotCount(long panelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM ballots WHERE panel_id = :p").bind("p", panelId).mapTo(Integer.class).one());
    }

    /** Whether the failure is this ballot losing a race for its version (and not, say, a ledger fault). */
    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException pg && "23505".equals(pg.getSQLState()) && pg.getServerErrorMessage() != null
                    && constraint.equals(pg.getServerErrorMessage().getConstraint())) return true;
        }
        return false;
    }
}
