package org.mandate.deliberation.http;

import io.javalin.http.Handler;

import java.util.List;

/**
 * One operation of the JSON API, as registered and as documented: the OpenAPI document is generated
 * from the same table the server registers, so the two cannot drift apart.
 *
 * @param auth       who may call: {@code none}, {@code seat} (a member or the organiser of the panel),
 *                   {@code member} or {@code organiser}
 * @param query      query parameters as {@code name:type}
 * @param bodyFields the JSON request body's fields as {@code name:type} (empty: no body)
 * @param problems   the problem statuses the operation may answer with, besides 429 and 5xx
 */
public record ApiRoute(String method, String path, String operationId, String summary, String auth, List<String> query, List<String> bodyFields,
                       int success, List<Integer> problems, Handler handler) {

    public ApiRoute {
        query = List.copyOf(query);
        bodyFields = List.copyOf(bodyFields);
        problems = List.copyOf(problems);
    }
}
