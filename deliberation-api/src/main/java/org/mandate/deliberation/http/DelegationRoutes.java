package org.mandate.deliberation.http;

import io.javalin.http.Context;
import org.mandate.deliberation.service.DelegationService;

import java.util.List;
import java.util.Map;

/** Revocable delegation: a member delegates their vote to another member by handle, or revokes it. */
final class DelegationRoutes {

    private final DelegationService delegations;

    DelegationRoutes(DelegationService delegations) {
        this.delegations = delegations;
    }

    List<ApiRoute> routes() {
        List<String> none = List.of();
        return List.of(
                new ApiRoute("GET", "/api/panels/{id}/delegation", "delegation",
                        "The caller's handle, the handle they delegate to (null if none) and how many members delegate to them", "seat",
                        none, none, 200, List.of(401, 403, 404), ctx -> ApiServer.json(ctx, 200,
                        Map.of("delegation", delegations.state(ApiServer.panelId(ctx), ApiServer.bearer(ctx)).toJson()))),
                new ApiRoute("POST", "/api/panels/{id}/delegation", "delegate",
                        "Delegate your vote to another member by their handle (until voting closes; your own ballot overrides it); "
                                + "self-delegation and cycles are refused; published in the ledger", "member",
                        none, List.of("delegate:string"), 200, List.of(400, 401, 403, 404, 409, 413, 422), this::delegate),
                new ApiRoute("POST", "/api/panels/{id}/delegation/revoke", "revokeDelegation",
                        "Revoke your delegation (until voting closes); published in the ledger", "member",
                        none, none, 200, List.of(401, 403, 404, 409, 422), ctx -> ApiServer.json(ctx, 200,
                        Map.of("delegation", delegations.revoke(ApiServer.panelId(ctx), ApiServer.bearer(ctx)).toJson()))));
    }

    private void delegate(Context ctx) {
        long id = ApiServer.panelId(ctx);
        RequestBody body = RequestBody.read(ctx, ApiServer.MAX_BODY_BYTES);
        ApiServer.json(ctx, 200, Map.of("delegation", delegations.delegate(id, ApiServer.bearer(ctx), body.text("delegate")).toJson()));
    }
}
