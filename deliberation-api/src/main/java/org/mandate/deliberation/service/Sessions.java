package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import static org.mandate.deliberation.service.Refused.Kind.FORBIDDEN;
import static org.mandate.deliberation.service.Refused.Kind.UNAUTHORISED;

/** Who is calling: bearer tokens are looked up by their SHA-256, never stored or compared in the clear. */
final class Sessions {

    static final RowMapper<Member> MEMBER = (rs, ctx) -> new Member(rs.getLong("id"), rs.getLong("panel_id"),
            rs.getString("voter_id"), Member.Role.valueOf(rs.getString("role").toUpperCase()));

    private Sessions() {}

    static Member authenticate(Handle h, String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) throw new Refused(UNAUTHORISED, "a bearer token is required");
        return h.createQuery("""
                        SELECT m.id, m.panel_id, m.voter_id, m.role
                          FROM sessions s JOIN members m ON m.id = s.member_id
                         WHERE s.token_hash = :hash""")
                .bind("hash", Tokens.hash(bearerToken)).map(MEMBER).findOne()
                .orElseThrow(() -> new Refused(UNAUTHORISED, "the bearer token is not valid"));
    }

    /** The organiser of this panel, or a refusal. */
    static Member requireOrganiser(Member m, long panelId) {
        if (m.panelId() != panelId || m.role() != Member.Role.ORGANISER) {
            throw new Refused(FORBIDDEN, "only the organiser of panel " + panelId + " may do this");
        }
        return m;
    }

    /** The organiser or an auditor of this panel (they may read its conduct), or a refusal. */
    static Member requireOverseer(Member m, long panelId) {
        if (m.panelId() != panelId || (m.role() != Member.Role.ORGANISER && m.role() != Member.Role.AUDITOR)) {
            throw new Refused(FORBIDDEN, "only the organiser or an auditor of panel " + panelId + " may read this");
        }
        return m;
    }
}
