package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.mandate.deliberation.service.Refused.Kind.INVALID;
import static org.mandate.deliberation.service.Refused.Kind.UNAUTHORISED;
import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * Seats on a panel: the organiser issues single-use invitation tokens, a citizen redeems one for a
 * pseudonymous seat and a bearer session token. Only hashes of both kinds of token are stored. An
 * invitation issued from a strata file ({@link StrataService}) hands its attributes to the member.
 */
public final class MemberService {

    /** More than this per call is almost certainly a mistake; call again for larger panels. */
    public static final int MAX_INVITATIONS_PER_CALL = 10_000;

    private final Jdbi jdbi;

    public MemberService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Issues {@code count} single-use member invitation tokens; they are returned once and never stored in the clear. */
    public List<String> invite(long panelId, String organiserToken, int count) {
        return invite(panelId, organiserToken, count, Member.Role.MEMBER);
    }

    /** Issues {@code count} single-use invitations for seats of {@code role} (member or auditor). */
    public List<String> invite(long panelId, String organiserToken, int count, Member.Role role) {
        if (role != Member.Role.MEMBER && role != Member.Role.AUDITOR) {
            throw new Refused(INVALID, "an invitation's role must be member or auditor, got " + role.id());
        }
        if (count < 1 || count > MAX_INVITATIONS_PER_CALL) {
            throw new Refused(INVALID, "invitation count must be between 1 and " + MAX_INVITATIONS_PER_CALL + ", got " + count);
        }
        return jdbi.inTransaction(h -> {
            Member organiser = Sessions.authenticate(h, organiserToken);
            Panel panel = Panels.shared(h, panelId);
            Sessions.requireOrganiser(organiser, panelId);
            if (panel.phase() == Phase.CLOSED) throw new Refused(WRONG_PHASE, "panel " + panelId + " is closed");
            List<String> tokens = new ArrayList<>(count);
            PreparedBatch batch = h.prepareBatch("INSERT INTO invitations (panel_id, token_hash, role) VALUES (:panel, :hash, :role)");
            for (int i = 0; i < count; i++) {
                String token = Tokens.newToken();
                tokens.add(token);
                batch.bind("panel", panelId).bind("hash", Tokens.hash(token)).bind("role", role.id()).add();
            }
            batch.execute();
            return tokens;
        });
    }

    /**
     * Redeems an invitation: a new member with a fresh pseudonymous voter id and a session token. The
     * invitation is spent atomically, so of two concurrent redemptions exactly one succeeds.
     */
    public Session join(String invitationToken) {
        if (invitationToken == null || invitationToken.isBlank()) throw new Refused(UNAUTHORISED, "an invitation token is required");
        String session = Tokens.newToken();
        return jdbi.inTransaction(h -> {
            record Spent(long id, long panelId, Member.Role role) {}
            Spent spent = h.createQuery("""
                            UPDATE invitations SET used_at = now()
                             WHERE token_hash = :hash AND used_at IS NULL
                            RETURNING id, panel_id, role""")
                    .bind("hash", Tokens.hash(invitationToken))
                    .map((rs, ctx) -> new Spent(rs.getLong("id"), rs.getLong("panel_id"),
                            Member.Role.valueOf(rs.getString("role").toUpperCase()))).findOne()
                    .orElseThrow(() -> new Refused(UNAUTHORISED, "the invitation is unknown or has already been used"));
            Panel panel = Panels.shared(h, spent.panelId());
            if (panel.phase() == Phase.CLOSED) throw new Refused(WRONG_PHASE, "panel " + panel.id() + " is closed");
            Member member = insertMember(h, spent.panelId(), spent.role(), spent.id());
            insertSession(h, member, session);
            // the strata the organiser gave this invitation become the member's (none for a plain invitation)
            h.createUpdate("""
                            INSERT INTO member_attributes (member_id, name, value)
                            SELECT :member, name, value FROM invitation_attributes WHERE invitation_id = :invitation""")
                    .bind("member", member.id()).bind("invitation", spent.id()).execute();
            return new Session(member, session);
        });
    }

    /** The member holding this bearer token, if any. */
    public Optional<Member> authenticate(String bearerToken) {
        try {
            return Optional.of(jdbi.withHandle(h -> Sessions.authenticate(h, bearerToken)));
        } catch (Refused e) {
            return Optional.empty();
        }
    }

    /** The organiser of this panel holding {@code token}: 401 for a bad token, 404 for an unknown panel, 403 for anyone else. */
    public Member requireOrganiser(long panelId, String token) {
        return jdbi.withHandle(h -> {
            Member m = Sessions.authenticate(h, token);
            Panels.find(h, panelId).orElseThrow(() -> Panels.notFound(panelId));
            return Sessions.requireOrganiser(m, panelId);
        });
    }

    /** The organiser or an auditor of this panel holding {@code token}: 401, 404 or 403 as for {@link #requireOrganiser}. */
    public Member requireOverseer(long panelId, String token) {
        return jdbi.withHandle(h -> {
            Member m = Sessions.authenticate(h, token);
            Panels.find(h, panelId).orElseThrow(() -> Panels.notFound(panelId));
            return Sessions.requireOverseer(m, panelId);
        });
    }

    /** How many members (not counting the organiser or auditors) a panel has. */
    public int memberCount(long panelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM members WHERE panel_id = :p AND role = 'member'")
                .bind("p", panelId).mapTo(Integer.class).one());
    }

    static Member insertMember(Handle h, long panelId, Member.Role role, Long invitationId) {
        String voterId = Tokens.newVoterId();
        long id = h.createUpdate("""
                        INSERT INTO members (panel_id, voter_id, role, invitation_id)
                        VALUES (:panel, :voter, :role, :invitation)""")
                .bind("panel", panelId).bind("voter", voterId).bind("role", role.id()).bind("invitation", invitationId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Member(id, panelId, voterId, role);
    }

    static void insertSession(Handle h, Member member, String token) {
        h.createUpdate("INSERT INTO sessions (token_hash, member_id) VALUES (:hash, :member)")
                .bind("hash", Tokens.hash(token)).bind("member", member.id()).execute();
    }
}
