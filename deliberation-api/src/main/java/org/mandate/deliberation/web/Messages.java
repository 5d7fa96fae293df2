package org.mandate.deliberation.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The citizen pages' texts in English and French, from {@code web/i18n/messages_<lang>.properties} (UTF-8). */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale FRENCH = Locale.FRENCH;

    private static final Map<String, Map<String, String>> BY_LANGUAGE = Map.of("en", load("en"), "fr", load("fr"));

    private Messages() {}

    /** Every text of one language, for a template's {@code t.key}. Keys missing in French fall back to English. */
    public static Map<String, String> of(Locale locale) {
        return BY_LANGUAGE.getOrDefault(locale.getLanguage(), BY_LANGUAGE.get("en"));
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern = of(locale).get(key);
        if (pattern == null) throw new IllegalArgumentException("no message " + key);
        return new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }

    /**
     * A service's refusal for a page, in the reader's language when a translation is known; otherwise as
     * written (some page messages, such as the CSRF one, are already in the reader's language).
     */
    public static String problem(Locale locale, String detail) {
        return org.mandate.deliberation.http.ProblemTranslation.isTranslated(detail)
                ? org.mandate.deliberation.http.ProblemTranslation.detail(detail, locale) : detail;
    }

    private static Map<String, String> load(String lang) {
        Properties english = read("en");
        Properties p = lang.equals("en") ? english : read(lang);
        Map<String, String> out = new HashMap<>();
        english.forEach((k, v) -> out.put((String) k, (String) v));
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return Map.copyOf(out);
    }

    private static Properties read(String lang) {
        String path = "/web/i18n/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing " + path);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
