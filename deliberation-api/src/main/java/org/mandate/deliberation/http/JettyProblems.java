package org.mandate.deliberation.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.mandate.objectives.json.CanonicalJson;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Requests the HTTP server refuses before they reach the API (an ambiguous or malformed URI such as one
 * with an encoded NUL, a bad header) get a problem+json too, not the server's own HTML page.
 */
final class JettyProblems extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        int status = code >= 400 && code < 600 ? code : 400;
        String slug = status >= 500 ? "internal-error" : status == 404 ? "not-found" : "bad-request";
        String title = status >= 500 ? "Internal error" : status == 404 ? "Not found" : "Bad request";
        String detail = status >= 500 ? "the server failed; the request was not carried out"
                : "the request was refused by the HTTP server: " + (message == null || message.isBlank() ? "malformed request" : message);
        byte[] body = CanonicalJson.write(Problem.of(slug, title, status, detail).toJson(null)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        // the server drops a connection that carried a request it could not parse; say so, or a client reuses it and hears nothing
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
