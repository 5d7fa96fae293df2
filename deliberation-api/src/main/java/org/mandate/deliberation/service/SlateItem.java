package org.mandate.deliberation.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One recommended programme of an example slate, as the trade-off explorer shows it. */
public record SlateItem(String id, String title, String providerGroup, List<String> tags) {

    public SlateItem {
        tags = List.copyOf(tags);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("title", title);
        json.put("provider_group", providerGroup);
        json.put("tags", tags);
        return json;
    }
}
