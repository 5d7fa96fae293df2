package org.mandate.audit.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A datasheet for the training data, filled by the publisher: where the data came from and the human
 * labour behind it, meaning who labelled and curated it and under what conditions. Work that shaped the model is
 * part of its provenance. A field left null is shown as "not declared", in red, never silently omitted.
 *
 * @param dataset            what the data is (name, size)
 * @param synthetic          true when the data is generated rather than collected; null when not declared
 * @param source             how and from whom it was collected
 * @param period             the time span it covers
 * @param consent            the legal basis or consent under which people's data is used
 * @param labelling          who labelled or annotated it (staff, contractors, crowd workers, automatic)
 * @param labellingConditions the conditions of that work (employment, pay, hours, support for distressing content)
 * @param curation           who selected, cleaned and filtered it
 * @param curationConditions the conditions of that work
 * @param limitations        known gaps and biases
 */
public record Datasheet(String dataset, Boolean synthetic, String source, String period, String consent, String labelling,
                        String labellingConditions, String curation, String curationConditions, String limitations) {

    /** A datasheet with nothing declared: every field reads "not declared". */
    public static final Datasheet UNDECLARED = new Datasheet(null, null, null, null, null, null, null, null, null, null);

    /** The fields in display order, by JSON key (null = not declared). */
    public Map<String, Object> fields() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", dataset);
        json.put("synthetic", synthetic);
        json.put("source", source);
        json.put("period", period);
        json.put("consent", consent);
        json.put("labelling", labelling);
        json.put("labelling_conditions", labellingConditions);
        json.put("curation", curation);
        json.put("curation_conditions", curationConditions);
        json.put("limitations", limitations);
        return json;
    }

    /** How many fields were declared, of all of them. */
    public long declared() {
        return fields().values().stream().filter(v -> v != null && !(v instanceof String s && s.isBlank())).count();
    }
}
