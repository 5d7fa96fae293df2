package org.mandate.deliberation.web;

import org.mandate.deliberation.service.Panel;
import org.mandate.deliberation.service.PublishedMandate;
import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.json.Json;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A published mandate's weights as the organise and audit pages show them: in percent, in the reader's language. */
final class MandateView {

    private MandateView() {}

    /** {@code id}, {@code name} and {@code percent} of every weighted objective, read from the published mandate entry. */
    static List<Map<String, Object>> weights(Panel panel, PublishedMandate mandate, Locale locale) {
        Map<String, Object> json = Json.parseObject(mandate.mandateEntry().payload());
        Map<?, ?> published = (Map<?, ?>) ((Map<?, ?>) json.get("mandate")).get("weights");
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        List<Map<String, Object>> weights = new ArrayList<>();
        // in the panel's menu order, the order members saw the objectives in
        for (String id : panel.menu().objectives()) {
            if (!(published.get(id) instanceof Number w)) continue;
            weights.add(Map.of("id", id, "name", Catalogue.get(id).name().in(locale),
                    "percent", Messages.format(locale, "percent", f.format(w.doubleValue() * 100))));
        }
        return weights;
    }
}
