package org.mandate.audit.report;

/**
 * How an objective's metric moved between two runs, read against how its weight changed. A weight that
 * fell makes a loss the accepted price of the mandate, not a failure, which is why this is more than
 * "better / worse".
 */
public enum Movement {
    AS_ASKED("moved the way its higher weight asks", "a progressé comme son poids accru le demande", true),
    AGAINST("moved against its higher weight", "a reculé malgré son poids accru", false),
    NO_EFFECT("did not move although its weight rose", "n'a pas bougé malgré son poids accru", false),
    ACCEPTED_COST("gave ground, as its lower weight allows", "a cédé du terrain, comme son poids réduit le permet", true),
    HELD_UP("held up although its weight fell", "a tenu bon malgré son poids réduit", true),
    NOT_ASKED("weight unchanged, no movement asked", "poids inchangé, aucun mouvement demandé", true),
    NOT_MEASURED("not measured in both runs", "non mesuré dans les deux modèles", false);

    private final String en, fr;
    private final boolean consistent;

    Movement(String en, String fr, boolean consistent) {
        this.en = en;
        this.fr = fr;
        this.consistent = consistent;
    }

    /** Plain-language phrase for the report, in English. */
    public String text() {
        return en;
    }

    /** The same phrase in the report's language (English or French). */
    public String text(java.util.Locale locale) {
        return "fr".equals(locale.getLanguage()) ? fr : en;
    }

    /** True when the movement is what the change of weight asked for, or allowed. */
    public boolean consistent() {
        return consistent;
    }

    public String id() {
        return name().toLowerCase();
    }

    static Movement of(double weightChange, Double improvement) {
        if (improvement == null) return NOT_MEASURED;
        final double eps = 1e-9;
        int asked = weightChange > eps ? 1 : weightChange < -eps ? -1 : 0;
        int moved = improvement > eps ? 1 : improvement < -eps ? -1 : 0;
        if (asked > 0) return moved > 0 ? AS_ASKED : moved < 0 ? AGAINST : NO_EFFECT;
        if (asked < 0) return moved < 0 ? ACCEPTED_COST : HELD_UP;
        return NOT_ASKED;
    }
}
