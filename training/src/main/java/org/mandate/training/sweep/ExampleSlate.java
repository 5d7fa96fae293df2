package org.mandate.training.sweep;

import org.mandate.training.data.ItemCatalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The top of one example user's list under one sweep point, as a panel sees it: the same held-out users at every
 * point, so moving along the trade-off shows how their lists change.
 *
 * @param user  a stable label of the user ({@code u} + the user's index in the data)
 * @param items best first
 */
public record ExampleSlate(String user, List<Item> items) {

    public ExampleSlate {
        Objects.requireNonNull(user, "user");
        items = List.copyOf(items);
    }

    /**
     * One recommended programme with what a voter needs to judge it.
     *
     * @param title         a readable label; the catalogue has no titles, so its id and genre
     * @param providerGroup the item's provider group
     * @param tags          the item's tags (the {@code local} production tag when set)
     */
    public record Item(String id, String title, String providerGroup, List<String> tags) {

        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(providerGroup, "providerGroup");
            tags = List.copyOf(tags);
        }

        /** Item {@code index} of {@code catalogue}. */
        public static Item of(ItemCatalogue catalogue, int index) {
            List<String> tags = new ArrayList<>();
            if (catalogue.local()[index]) tags.add("local");
            String id = catalogue.itemIds().get(index);
            return new Item(id, id + " (" + catalogue.genres().get(catalogue.genre()[index]) + ")",
                    catalogue.providerGroups().get(catalogue.providerGroup()[index]), tags);
        }
    }

    /** The slate of items {@code ranked} (best first) for the user with index {@code userIndex}. */
    public static ExampleSlate of(int userIndex, int[] ranked, ItemCatalogue catalogue) {
        List<Item> items = new ArrayList<>(ranked.length);
        for (int i : ranked) items.add(Item.of(catalogue, i));
        return new ExampleSlate("u" + userIndex, items);
    }
}
