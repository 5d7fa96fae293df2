package org.mandate.audit.report;

import java.util.Locale;

/** Escaping and number formatting shared by the HTML page and the SVG charts. */
final class Html {

    private Html() {}

    /** Escapes text for element content and double- or single-quoted attribute values (HTML and XML alike). */
    static String esc(Object text) {
        if (text == null) return "";
        String s = text.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0 (the SVG must parse); drop them.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') continue;
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** "50.0 %" in English, "50,0 %" in French (a space before % in both, as French typography and ISO 31-0 want). */
    static String percent(double share, Locale locale) {
        return String.format(fmt(locale), "%.1f %%", share * 100);
    }

    static String signedPercent(double share, Locale locale) {
        return String.format(fmt(locale), "%+.1f %%", share * 100);
    }

    static String number(double v, Locale locale) {
        if (v != 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return String.format(fmt(locale), "%.3e", v);
        return String.format(fmt(locale), "%.4f", v);
    }

    static String signedNumber(double v, Locale locale) {
        return (v >= 0 ? "+" : "") + number(v, locale);
    }

    private static Locale fmt(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? Locale.FRANCE : Locale.ROOT;
    }

    /** Coordinates for SVG: fixed one decimal, no locale surprises. */
    static String coord(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
