package org.mandate.deliberation.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.http.ApiServer;
import org.mandate.deliberation.http.RateLimiter;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server on a random loopback port over the test class's database, reached by a plain HTTP client
 * that does not follow redirects (the pages' 303s are part of what the tests check), plus the
 * fetch-a-CSRF-token-then-post-a-form steps the page tests share.
 */
abstract class EmbeddedWeb extends EmbeddedDatabase {

    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static ApiServer server;

    @BeforeAll
    static void startServer() {
        server = new ApiServer(jdbi, new RateLimiter(10_000, 1_000)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** The CSRF token the page at {@code path} hands out (the same value goes in the cookie and the form). */
    static String csrfFrom(String path) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), "no CSRF token on " + path);
        return m.group(1);
    }

    /**
     * Posts a URL-encoded {@code form} with {@code csrf} in both its cookie and its body; {@code session} (or
     * null) is the member's session cookie; {@code headers} are extra name/value pairs.
     */
    static HttpResponse<String> postForm(String path, String csrf, String session, String form, String... headers) throws Exception {
        String cookie = "mandate_csrf=" + csrf + (session == null ? "" : "; mandate_session=" + session);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
