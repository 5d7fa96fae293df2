package org.mandate.deliberation.web;

import org.mandate.deliberation.service.Panel;
import org.mandate.deliberation.service.VoteSettings;
import org.mandate.objectives.catalogue.Catalogue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a panel fixed before anyone voted (menu, locked rule, ballot kinds, personalisation), for the
 * {@code settings} template the organise and audit pages both include.
 */
final class PanelSettingsView {

    private PanelSettingsView() {}

    static Map<String, Object> of(Panel panel, VoteSettings settings, Locale locale) {
        Map<String, String> t = Messages.of(locale);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("menu", panel.menu().objectives().stream().map(id -> Catalogue.get(id).name().in(locale)).toList());
        m.put("rule_name", t.getOrDefault("rule." + panel.rule(), panel.rule()));
        m.put("personalisation", PersonalisationView.of(settings.personalisation(), locale));
        m.put("ballot_kinds", settings.kinds().stream().map(k -> t.getOrDefault("kind." + k.id(), k.id())).toList());
        return m;
    }
}
