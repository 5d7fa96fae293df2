package org.mandate.training.data;

import java.util.List;
import java.util.Objects;

/**
 * The programmes a broadcaster can recommend, with the side information objectives read: a genre, a
 * provider group (in-house, independent, regional) and a {@code local} production tag per item.
 * Arrays are indexed by item index (0..I-1); {@code itemIds} are the external identifiers.
 */
public record ItemCatalogue(List<String> itemIds, int[] genre, List<String> genres,
                            int[] providerGroup, List<String> providerGroups, boolean[] local) {

    public ItemCatalogue {
        itemIds = List.copyOf(itemIds);
        genres = List.copyOf(genres);
        providerGroups = List.copyOf(providerGroups);
        Objects.requireNonNull(genre, "genre");
        Objects.requireNonNull(providerGroup, "providerGroup");
        Objects.requireNonNull(local, "local");
        int n = itemIds.size();
        if (genre.length != n || providerGroup.length != n || local.length != n) {
            throw new IllegalArgumentException("every per-item array must have " + n + " entries");
        }
        for (int i = 0; i < n; i++) {
            if (genre[i] < 0 || genre[i] >= genres.size()) throw new IllegalArgumentException("item " + i + " has unknown genre " + genre[i]);
            if (providerGroup[i] < 0 || providerGroup[i] >= providerGroups.size()) {
                throw new IllegalArgumentException("item " + i + " has unknown provider group " + providerGroup[i]);
            }
        }
    }

    public int itemCount() {
        return itemIds.size();
    }
}
