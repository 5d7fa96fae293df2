package org.mandate.deliberation.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem titles and details in French, from {@code web/i18n/problems_fr.properties}. The services
 * write their refusals in English with the numbers and names that vary inline; each known English
 * detail is a pattern there ({@code there is no panel {0}}) with its French form, and the varying parts
 * are translated again when they are themselves known details (a strata line's reason, a phase's
 * explanation). A detail nobody has translated yet keeps its English text after a French lead-in, so a
 * French reader still learns what was refused. The problem {@code type} never changes with the language.
 */
public final class ProblemTranslation {

    private record Entry(Pattern english, String french, int literalLength) {}

    private static final List<Entry> ENTRIES;
    private static final Map<String, String> TITLES;

    static {
        Properties p = new Properties();
        try (InputStream in = ProblemTranslation.class.getResourceAsStream("/web/i18n/problems_fr.properties")) {
            if (in == null) throw new IllegalStateException("missing /web/i18n/problems_fr.properties");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> titles = new TreeMap<>();
        List<Entry> entries = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("title.")) titles.put(key.substring(6), p.getProperty(key));
            if (!key.endsWith(".en")) continue;
            String name = key.substring(0, key.length() - 3);
            String french = p.getProperty(name + ".fr");
            if (french == null) throw new IllegalStateException("problems_fr.properties: " + key + " has no " + name + ".fr");
            String english = p.getProperty(key);
            entries.add(new Entry(pattern(english), french, english.replaceAll("\\{\\d}", "").length()));
        }
        // the most specific pattern (most fixed text) wins: "panel {0} is closed" before "panel {0} is in phase {1}; {2}"
        entries.sort(Comparator.comparingInt(Entry::literalLength).reversed());
        ENTRIES = List.copyOf(entries);
        TITLES = Map.copyOf(titles);
    }

    private ProblemTranslation() {}

    /** The detail in {@code locale}: French when asked for, otherwise unchanged. */
    public static String detail(String english, Locale locale) {
        if (english == null || !"fr".equals(locale.getLanguage())) return english;
        String known = translate(english, 0);
        return known != null ? known : "Requête refusée (détail non traduit) : " + english;
    }

    /** The title of a problem slug in {@code locale}: French when asked for and known, otherwise the English one. */
    public static String title(String slug, String english, Locale locale) {
        if (!"fr".equals(locale.getLanguage())) return english;
        return TITLES.getOrDefault(slug, english);
    }

    /** Whether a French form exists for this English detail (tests check that the common refusals have one). */
    public static boolean isTranslated(String english) {
        return translate(english, 0) != null;
    }

    private static String translate(String english, int depth) {
        if (depth > 4) return null;
        for (Entry e : ENTRIES) {
            Matcher m = e.english().matcher(english);
            if (!m.matches()) continue;
            String out = e.french();
            for (int g = m.groupCount(); g >= 1; g--) {
                String part = m.group(g);
                String nested = part.isEmpty() ? null : translate(part, depth + 1);
                out = out.replace("{" + (g - 1) + "}", nested != null ? nested : part);
            }
            return out;
        }
        return null;
    }

    /** "there is no panel {0}" becomes ^\Qthere is no panel \E(.*?)$, literal text quoted. */
    private static Pattern pattern(String english) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = Pattern.compile("\\{(\\d)}").matcher(english);
        int at = 0;
        int expected = 0;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != expected++) throw new IllegalStateException("placeholders must be {0}, {1}, ... in order: " + english);
            if (m.start() > at) regex.append(Pattern.quote(english.substring(at, m.start())));
            regex.append("(.*?)");
            at = m.end();
        }
        if (at < english.length()) regex.append(Pattern.quote(english.substring(at)));
        return Pattern.compile(regex.append("$").toString(), Pattern.DOTALL);
    }
}
