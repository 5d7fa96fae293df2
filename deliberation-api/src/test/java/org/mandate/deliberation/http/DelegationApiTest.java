package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.DelegationChanged;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.verify.BundleVerifier;
import org.mandate.audit.verify.Check;
import org.mandate.deliberation.http.ApiClient.PanelSeats;
import org.mandate.deliberation.http.ApiClient.Reply;
import org.mandate.deliberation.ledger.LedgerStore;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mandate.deliberation.http.ApiClient.assertProblem;

/** Liquid delegation over HTTP: by handle, revocable until voting closes, no self or cycles, resolved by the tally. */
class DelegationApiTest extends EmbeddedApi {

    private static Map<?, ?> state(Reply r) {
        assertEquals(200, r.status(), r.body());
        return (Map<?, ?>) r.get("delegation");
    }

    @Test
    void delegationsAreResolvedByTheTallyAndRecomputedByTheVerifier() {
        Reply created = api.post("/api/panels", null, Map.of("name", "liquid", "objectives", List.of("relevance", "novelty"), "rule", "mean", "allow_revision", true));
        long id = ((Number) ((Map<?, ?>) created.get("panel")).get("id")).longValue();
        String organiser = (String) created.get("organiser_token");
        List<?> invitations = (List<?>) api.post("/api/panels/" + id + "/invitations", organiser, Map.of("count", 6)).get("invitations");
        String[] m = new String[6];
        String[] handle = new String[6];
        for (int i = 0; i < 6; i++) {
            Reply joined = api.post("/api/join", null, Map.of("token", invitations.get(i)));
            m[i] = (String) joined.get("session_token");
            handle[i] = (String) joined.get("voter_id");
        }
        PanelSeats p = new PanelSeats(id, organiser, m);
        String path = p.path("/delegation");

        Map<?, ?> mine = state(api.get(path, m[0]));
        assertEquals(handle[0], mine.get("handle"));
        assertNull(mine.get("delegate"));

        long before = count("delegations") + count("ledger");
        assertProblem(api.post(path, m[0], Map.of("delegate", handle[0])), 422, "/problems/invalid-request");
        assertProblem(api.post(path, m[0], Map.of("delegate", "v-00000000000000000000")), 422, "/problems/invalid-request");
        assertProblem(api.post(path, m[0], Map.of("delegate", (String) created.get("organiser_voter_id"))), 422, "/problems/invalid-request");
        assertProblem(api.post(path, organiser, Map.of("delegate", handle[1])), 403, "/problems/forbidden");
        assertProblem(api.post(path, null, Map.of("delegate", handle[1])), 401, "/problems/unauthorised");
        assertProblem(api.post(path + "/revoke", m[0], Map.of()), 422, "/problems/invalid-request");
        assertEquals(before, count("delegations") + count("ledger"), "refused changes leave no trace");

        assertEquals(handle[1], state(api.post(path, m[0], Map.of("delegate", handle[1]))).get("delegate"));
        assertEquals(1L, ((Number) state(api.get(path, m[1])).get("delegators")).longValue());
        assertProblem(api.post(path, m[1], Map.of("delegate", handle[0])), 422, "/problems/invalid-request"); // 1 -> 0 -> 1
        assertEquals(handle[0], state(api.post(path, m[2], Map.of("delegate", handle[0]))).get("delegate")); // 2 -> 0 -> 1
        assertProblem(api.post(path, m[1], Map.of("delegate", handle[2])), 422, "/problems/invalid-request"); // 1 -> 2 -> 0 -> 1
        assertEquals(handle[1], state(api.post(path, m[3], Map.of("delegate", handle[1]))).get("delegate"));
        assertNull(state(api.post(path + "/revoke", m[3], Map.of())).get("delegate"));
        api.post(path, m[4], Map.of("delegate", handle[1]));

        api.phase(p, "vote");
        // 1 carries its own vote, 0's and 2's (through 0); 4 voted directly, which overrides its delegation; 3 abstains
        int[][] ballots = {{1, 80}, {4, 20}, {5, 50}};
        for (int[] b : ballots) {
            Reply r = api.post(p.path("/ballots"), m[b[0]], Map.of("points", Map.of("relevance", b[1], "novelty", 100 - b[1])));
            assertEquals(201, r.status(), r.body());
        }
        Reply tally = api.post(p.path("/tally"), organiser, Map.of());
        assertEquals(200, tally.status(), tally.body());
        Map<?, ?> record = (Map<?, ?>) tally.get("tally");
        assertEquals(3L, ((Number) record.get("ballot_count")).longValue());
        Map<?, ?> rights = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) record.get("rule_settings")).get("voting_rights")).get("effective");
        assertEquals(Map.of(handle[1], 3.0, handle[4], 1.0, handle[5], 1.0), Map.of(handle[1], ((Number) rights.get(handle[1])).doubleValue(),
                handle[4], ((Number) rights.get(handle[4])).doubleValue(), handle[5], ((Number) rights.get(handle[5])).doubleValue()));
        double relevance = ((Number) ((Map<?, ?>) ((Map<?, ?>) tally.get("mandate")).get("weights")).get("relevance")).doubleValue();
        assertEquals((3 * 0.8 + 0.2 + 0.5) / 5, relevance, 1e-9);

        assertProblem(api.post(path, m[5], Map.of("delegate", handle[1])), 409, "/problems/wrong-phase");
        assertProblem(api.post(path + "/revoke", m[0], Map.of()), 409, "/problems/wrong-phase");

        List<LedgerEntry> entries = new LedgerStore(jdbi).entries();
        long delegationEntries = entries.stream().filter(e -> e.kind().equals(DelegationChanged.KIND))
                .map(LedgerEvent::parse).map(DelegationChanged.class::cast).filter(d -> d.panelId() == id).count();
        assertEquals(5, delegationEntries, "0->1, 2->0, 3->1, 3 revoked, 4->1");
        for (Check c : BundleVerifier.verify(entries, null).checks()) assertTrue(c.passed(), c.line());
        assertTrue(entries.stream().anyMatch(e -> e.kind().equals("tally_details") && e.payload().contains("\"lost_to_cycles\"")));
    }
}
