package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mandate.audit.ledger.DelegationChanged;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.delegation.Delegation;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.mandate.deliberation.service.Refused.Kind.FORBIDDEN;
import static org.mandate.deliberation.service.Refused.Kind.INVALID;
import static org.mandate.deliberation.service.Refused.Kind.WRONG_PHASE;

/**
 * Revocable, transitive (liquid) delegation. A member delegates their vote to another member of the
 * panel, named by the member's pseudonymous handle (their voter id, never an identity), and may change
 * or revoke it at any time until voting closes. Self-delegation and delegations that would close a cycle
 * are refused. Every change is appended to the delegations table and published in the ledger as a
 * {@link DelegationChanged} entry; the tally resolves the delegations in force when voting closed, and a
 * member's own ballot overrides their delegation.
 */
public final class DelegationService {

    private final Jdbi jdbi;
    private final LedgerStore ledger;

    public DelegationService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.ledger = new LedgerStore(jdbi);
    }

    /** Delegates the caller's vote to the member with handle {@code delegateHandle}. */
    public DelegationState delegate(long panelId, String bearerToken, String delegateHandle) {
        if (delegateHandle == null || delegateHandle.isBlank()) throw new Refused(INVALID, "name the handle of the member you delegate to");
        String handle = delegateHandle.strip();
        return change(panelId, bearerToken, handle);
    }

    /** Withdraws the caller's delegation; from now on their vote is theirs alone. */
    public DelegationState revoke(long panelId, String bearerToken) {
        return change(panelId, bearerToken, null);
    }

    /** The caller's delegation. */
    public DelegationState state(long panelId, String bearerToken) {
        return jdbi.withHandle(h -> {
            Member me = seat(h, panelId, bearerToken);
            Panels.find(h, panelId).orElseThrow(() -> Panels.notFound(panelId));
            return state(h, panelId, me);
        });
    }

    private DelegationState change(long panelId, String bearerToken, String delegateHandle) {
        return jdbi.inTransaction(h -> {
            Member me = Sessions.authenticate(h, bearerToken);
            // Lock order as for ballots: the panel row (its phase cannot change meanwhile), then the ledger.
            Panel panel = Panels.shared(h, panelId);
            requireMember(me, panelId);
            if (panel.phase() == Phase.CLOSED) throw new Refused(WRONG_PHASE, "voting on panel " + panelId + " has closed; delegations can no longer change");
            Long delegateId = null;
            if (delegateHandle != null) {
                if (delegateHandle.equals(me.voterId())) throw new Refused(INVALID, "you cannot delegate your vote to yourself");
                delegateId = h.createQuery("SELECT id FROM members WHERE panel_id = :p AND voter_id = :v AND role = 'member'")
                        .bind("p", panelId).bind("v", delegateHandle).mapTo(Long.class).findOne()
                        .orElseThrow(() -> new Refused(INVALID, "no member of panel " + panelId + " has the handle '" + delegateHandle + "'"));
            }
            // Every delegation change holds the ledger lock while it checks for a cycle, so two members
            // delegating to each other at the same moment cannot both pass the check.
            ledger.lock(h);
            Map<String, String> inForce = inForceMap(h, panelId);
            if (delegateHandle == null && !inForce.containsKey(me.voterId())) {
                throw new Refused(INVALID, "you have no delegation to revoke");
            }
            if (delegateHandle != null) {
                Set<String> seen = new HashSet<>();
                for (String cur = delegateHandle; cur != null && seen.add(cur); cur = inForce.get(cur)) {
                    if (cur.equals(me.voterId())) {
                        throw new Refused(INVALID, "delegating to " + delegateHandle + " would close a cycle: their vote already comes back to you");
                    }
                }
            }
            Instant now = Tokens.now();
            DelegationChanged event = new DelegationChanged(panelId, me.voterId(), delegateHandle, now);
            LedgerEntry entry = ledger.append(h, event.kind(), event.canonicalJson());
            h.createUpdate("""
                            INSERT INTO delegations (panel_id, delegator_id, delegate_id, ledger_seq, created_at)
                            VALUES (:p, :from, :to, :seq, :at)""")
                    .bind("p", panelId).bind("from", me.id()).bind("to", delegateId).bind("seq", entry.seq()).bind("at", now)
                    .execute();
            return state(h, panelId, me);
        });
    }

    private static Member seat(Handle h, long panelId, String bearerToken) {
        Member me = Sessions.authenticate(h, bearerToken);
        if (me.panelId() != panelId) {
            Panels.find(h, panelId).orElseThrow(() -> Panels.notFound(panelId));
            throw new Refused(FORBIDDEN, "this token does not hold a seat on panel " + panelId);
        }
        // an auditor neither delegates nor is delegated to, so has no delegation handle to show
        if (me.role() == Member.Role.AUDITOR) throw new Refused(FORBIDDEN, "an auditor of panel " + panelId + " has no delegation");
        return me;
    }

    private static void requireMember(Member me, long panelId) {
        if (me.panelId() != panelId || me.role() != Member.Role.MEMBER) {
            throw new Refused(FORBIDDEN, "only members of panel " + panelId + " may delegate their vote");
        }
    }

    private static DelegationState state(Handle h, long panelId, Member me) {
        Map<String, String> inForce = inForceMap(h, panelId);
        int delegators = (int) inForce.values().stream().filter(me.voterId()::equals).count();
        return new DelegationState(panelId, me.voterId(), inForce.get(me.voterId()), delegators);
    }

    /** Delegator handle → delegate handle, for every delegation in force (the latest change of each delegator, if not a revocation). */
    static Map<String, String> inForceMap(Handle h, long panelId) {
        Map<String, String> out = new HashMap<>();
        h.createQuery("""
                        SELECT DISTINCT ON (d.delegator_id) f.voter_id AS delegator, t.voter_id AS delegate
                          FROM delegations d JOIN members f ON f.id = d.delegator_id LEFT JOIN members t ON t.id = d.delegate_id
                         WHERE d.panel_id = :p
                         ORDER BY d.delegator_id, d.id DESC""")
                .bind("p", panelId)
                .map((rs, ctx) -> {
                    if (rs.getString("delegate") != null) out.put(rs.getString("delegator"), rs.getString("delegate"));
                    return null;
                }).list();
        return out;
    }

    /** The delegations in force on a panel, as the tally resolves them. */
    static List<Delegation> inForce(Handle h, long panelId) {
        return inForceMap(h, panelId).entrySet().stream().map(e -> Delegation.of(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(Delegation::delegator)).toList();
    }
}
