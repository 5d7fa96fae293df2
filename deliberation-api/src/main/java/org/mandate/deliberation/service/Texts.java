package org.mandate.deliberation.service;

/**
 * Free text people type (statements, reasons, panel names) is checked before it reaches PostgreSQL:
 * NUL is not storable in a text column, other control characters have no place in a sentence, and an
 * unpaired surrogate would be silently replaced on the way to UTF-8, so the record would not hold what
 * was sent.
 */
final class Texts {

    private Texts() {}

    /** The reason a text cannot be stored, or null when it can. Newlines are allowed only when {@code multiline}. */
    static String problem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r'))) return "control characters are not allowed";
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "the text is not well-formed Unicode";
            }
            if (Character.isLowSurrogate(c)) return "the text is not well-formed Unicode";
        }
        return null;
    }
}
