package org.mandate.deliberation.web;

import org.mandate.objectives.catalogue.Catalogue;
import org.mandate.objectives.mandate.Personalisation;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A panel's personalisation rule in the reader's language, for the organise and vote pages: members should
 * know, before they vote, how far each user will be allowed to move the weights they choose.
 */
final class PersonalisationView {

    private PersonalisationView() {}

    /** {@code summary} (one sentence) and {@code locked} (objective names, possibly empty); a panel without the rule says so. */
    static Map<String, Object> of(Personalisation p, Locale locale) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (p == null) {
            view.put("summary", Messages.of(locale).get("personalisation.none"));
            view.put("locked", java.util.List.of());
            return view;
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        String percent = Messages.format(locale, "percent", f.format(p.maxShift() * 100));
        view.put("summary", Messages.format(locale, "personalisation.shift", percent));
        view.put("locked", p.locked().stream().map(id -> Catalogue.get(id).name().in(locale)).toList());
        return view;
    }
}
