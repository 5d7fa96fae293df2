package org.mandate.deliberation.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is a stable relative URI ({@code /problems/<slug>}) that
 * clients may switch on; {@code title} is the same for every occurrence, {@code detail} explains this one.
 * Title and detail may be localised ({@link #in}); the type never is.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem("/problems/" + slug, title, status, detail);
    }

    /** This problem with its title and detail in {@code locale} (French or English); same type and status. */
    public Problem in(Locale locale) {
        String slug = type.startsWith("/problems/") ? type.substring("/problems/".length()) : type;
        return new Problem(type, ProblemTranslation.title(slug, title, locale), status, ProblemTranslation.detail(detail, locale));
    }

    public Map<String, Object> toJson(String instance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        if (instance != null) json.put("instance", instance);
        return json;
    }
}
