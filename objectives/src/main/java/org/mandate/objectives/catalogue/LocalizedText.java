package org.mandate.objectives.catalogue;

import java.util.Locale;
import java.util.Objects;

/** A text a citizen reads, in English and French. */
public record LocalizedText(String en, String fr) {

    public LocalizedText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(fr, "fr");
    }

    public String in(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? fr : en;
    }
}
