package org.mandate.deliberation.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The top of one example user's recommendations under one lattice point of a sweep. */
public record ExampleSlate(String user, List<SlateItem> items) {

    public ExampleSlate {
        items = List.copyOf(items);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", user);
        json.put("items", items.stream().map(SlateItem::toJson).toList());
        return json;
    }
}
