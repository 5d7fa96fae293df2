package org.mandate.deliberation.web;

import org.mandate.deliberation.service.StratumTurnout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turnout by stratum for the {@code turnout} template (organise and audit pages): exactly the counts
 * {@code GET /api/panels/{id}/strata} gives the organiser and auditors, never a voter id or a ballot.
 *
 * @param rows         members and voters of each stratum the organiser's CSV named
 * @param unstratified members invited without strata ({@code members}, {@code voted}), or null when there are none
 * @param members      every member
 * @param voted        every member who cast a ballot of any kind
 */
record TurnoutView(List<Map<String, Object>> rows, Map<String, Object> unstratified, long members, long voted) {

    static TurnoutView of(List<StratumTurnout> turnout) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> unstratified = null;
        long members = 0, voted = 0;
        for (StratumTurnout t : turnout) {
            members += t.members();
            voted += t.voted();
            if (t.attributes().isEmpty()) unstratified = Map.of("members", t.members(), "voted", t.voted());
            else rows.add(Map.of("label", label(t.attributes()), "members", t.members(), "voted", t.voted()));
        }
        return new TurnoutView(List.copyOf(rows), unstratified, members, voted);
    }

    /** {@code age_band = 18-34, region = North}, in the map's order (sorted, as turnout and invitations give them). */
    static String label(Map<String, String> attributes) {
        List<String> parts = new ArrayList<>();
        attributes.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
    }
}
