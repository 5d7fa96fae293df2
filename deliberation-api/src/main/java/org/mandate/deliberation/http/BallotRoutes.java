package org.mandate.deliberation.http;

import io.javalin.http.Context;
import org.mandate.deliberation.service.BallotKind;
import org.mandate.deliberation.service.BallotService;
import org.mandate.deliberation.service.Receipt;
import org.mandate.deliberation.service.VoteSettings;
import org.mandate.deliberation.service.VoteSettingsService;
import org.mandate.objectives.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ballots of every kind, and the vote settings that say which kinds a panel offers. A ballot body names
 * its {@code kind} (default {@code weights}) and carries that kind's field; the service validates all of
 * it before anything is written.
 */
final class BallotRoutes {

    private final BallotService ballots;
    private final VoteSettingsService settings;

    BallotRoutes(BallotService ballots, VoteSettingsService settings) {
        this.ballots = ballots;
        this.settings = settings;
    }

    List<ApiRoute> routes() {
        List<String> none = List.of();
        return List.of(
                new ApiRoute("POST", "/api/panels/{id}/ballots", "castBallot",
                        "Cast a ballot (phase vote) of a kind the panel offers: weights (points out of 100), floors, comparison of slates, "
                                + "ranking of proposals or approval of rules; the latest version of each kind counts -> receipt", "member",
                        none, List.of("kind:ballotKind", "points:points", "floors:floors", "comparisons:comparisons", "ranking:ranking", "votes:votes"),
                        201, List.of(400, 401, 403, 404, 409, 413, 422), this::cast),
                new ApiRoute("GET", "/api/panels/{id}/vote-settings", "voteSettings",
                        "The ballot kinds the panel offers, with its slates, proposals and rules put to the vote", "none",
                        none, none, 200, List.of(404), ctx -> ApiServer.json(ctx, 200, Map.of("panel", ApiServer.panelId(ctx),
                        "settings", settings.get(ApiServer.panelId(ctx)).toJson()))),
                new ApiRoute("POST", "/api/panels/{id}/vote-settings", "setVoteSettings",
                        "Fix, once and before voting opens, the ballot kinds the panel offers (exactly one of weights, comparison, ranking; "
                                + "optionally floors and approval) with their slates, proposals and rules, and the personalisation rule "
                                + "({max_shift, locked}: how far each user may move the voted weights); published in the ledger", "organiser",
                        none, List.of("kinds:ballotKinds", "slates:slates", "proposals:proposals", "status_quo:string", "items:items",
                        "quorum:number", "majority:number", "personalisation:object"), 201, List.of(400, 401, 403, 404, 409, 413, 422), this::setSettings));
    }

    private void cast(Context ctx) {
        long id = ApiServer.panelId(ctx);
        RequestBody body = RequestBody.read(ctx, ApiServer.MAX_BODY_BYTES);
        Map<String, Object> tree = Json.parseObject(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        Object k = tree.getOrDefault("kind", BallotKind.WEIGHTS.id());
        if (!(k instanceof String kindId)) throw RequestBody.invalid("'kind' must be a string");
        BallotKind kind = BallotKind.of(kindId);
        Map<String, Object> fields = kind == BallotKind.WEIGHTS ? Map.of("points", body.numbers("points")) : tree;
        Receipt r = ballots.submit(id, ApiServer.bearer(ctx), kind, fields);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receipt", r.receipt());
        out.put("panel", r.panelId());
        out.put("voter_id", r.voterId());
        out.put("kind", kind.id());
        out.put("version", r.version());
        out.put("ledger_seq", r.ledgerSeq());
        out.put("cast_at", r.castAt().toString());
        out.put("ballot", r.ballot());
        ApiServer.json(ctx, 201, out);
    }

    private void setSettings(Context ctx) {
        long id = ApiServer.panelId(ctx);
        RequestBody.read(ctx, ApiServer.MAX_BODY_BYTES);
        Map<String, Object> tree = Json.parseObject(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        VoteSettings s = settings.set(id, ApiServer.bearer(ctx), tree);
        ApiServer.json(ctx, 201, Map.of("panel", id, "settings", s.toJson()));
    }
}
