package org.mandate.deliberation.http;

import io.javalin.http.Context;
import org.mandate.deliberation.service.StrataService;
import org.mandate.deliberation.service.StratifiedInvitation;
import org.mandate.deliberation.service.StratumTurnout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.mandate.deliberation.http.ApiServer.bearer;
import static org.mandate.deliberation.http.ApiServer.json;
import static org.mandate.deliberation.http.ApiServer.panelId;

/**
 * Stratified invitations over the API: the organiser posts a CSV of strata and gets one token per
 * invitation with its attributes; the turnout by stratum gives counts only, never a voter id or a ballot.
 */
final class StrataRoutes {

    private final StrataService strata;
    private final org.mandate.deliberation.service.MemberService members;

    StrataRoutes(StrataService strata, org.mandate.deliberation.service.MemberService members) {
        this.strata = strata;
        this.members = members;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute("POST", "/api/panels/{id}/strata", "inviteStrata",
                        "Issue single-use invitations from a CSV of strata (header such as region,age_band,count); each token carries its row's attributes to the member who redeems it. A malformed file is refused with its line number and nothing is created",
                        "organiser", List.of(), List.of("csv:string"), 201, List.of(400, 401, 403, 404, 409, 413, 422), this::invite),
                new ApiRoute("GET", "/api/panels/{id}/strata", "strataTurnout",
                        "Members and voters per stratum: counts only, no voter ids, no ballots; the organiser and auditors may read it", "organiser",
                        List.of(), List.of(), 200, List.of(401, 403, 404), this::turnout));
    }

    private void invite(Context ctx) {
        long id = panelId(ctx);
        RequestBody body = RequestBody.read(ctx, ApiServer.MAX_BODY_BYTES);
        List<StratifiedInvitation> issued = strata.invite(id, bearer(ctx), body.text("csv"));
        List<Object> out = new ArrayList<>();
        for (StratifiedInvitation i : issued) out.add(Map.of("token", i.token(), "attributes", i.attributes()));
        json(ctx, 201, Map.of("panel", id, "invitations", out));
    }

    private void turnout(Context ctx) {
        long id = panelId(ctx);
        members.requireOverseer(id, bearer(ctx));
        List<Object> out = new ArrayList<>();
        for (StratumTurnout t : strata.turnout(id)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("attributes", t.attributes());
            row.put("members", t.members());
            row.put("voted", t.voted());
            out.add(row);
        }
        json(ctx, 200, Map.of("panel", id, "strata", out));
    }
}
