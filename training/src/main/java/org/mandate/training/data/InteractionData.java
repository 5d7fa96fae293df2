package org.mandate.training.data;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.metrics.ItemFeatures;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Implicit feedback: which users consumed which catalogue items. {@code histories[u]} is user u's
 * strictly increasing list of item indices (no repeats: a Mult-DAE sees a 0/1 vector).
 */
public record InteractionData(ItemCatalogue catalogue, int userCount, int[][] histories) {

    public InteractionData {
        Objects.requireNonNull(catalogue, "catalogue");
        if (histories.length != userCount) {
            throw new IllegalArgumentException("userCount " + userCount + " but " + histories.length + " histories");
        }
        int items = catalogue.itemCount();
        for (int u = 0; u < userCount; u++) {
            int[] h = histories[u];
            for (int j = 0; j < h.length; j++) {
                if (h[j] < 0 || h[j] >= items) throw new IllegalArgumentException("user " + u + " has unknown item " + h[j]);
                if (j > 0 && h[j] <= h[j - 1]) throw new IllegalArgumentException("history of user " + u + " must be sorted and distinct");
            }
        }
    }

    public int itemCount() {
        return catalogue.itemCount();
    }

    public long interactionCount() {
        long n = 0;
        for (int[] h : histories) n += h.length;
        return n;
    }

    /** Consumption count per item. */
    public int[] itemCounts() {
        int[] counts = new int[itemCount()];
        for (int[] h : histories) for (int i : h) counts[i]++;
        return counts;
    }

    /**
     * Laplace-smoothed popularity shares (count+1)/(total+I): strictly positive, so -log2(pop) is finite
     * for never-watched programmes too, and they still sum to 1.
     */
    public double[] popularity() {
        int[] counts = itemCounts();
        double denominator = interactionCount() + itemCount();
        double[] pop = new double[counts.length];
        for (int i = 0; i < counts.length; i++) pop[i] = (counts[i] + 1) / denominator;
        return pop;
    }

    /**
     * The side information the objectives' metrics read, with popularity measured on these interactions:
     * the genre as a one-hot category matrix and the {@code local} flags as the tag of that name (the
     * default public-value tag).
     */
    public ItemFeatures features() {
        TreeMap<String, boolean[]> tags = new TreeMap<>();
        tags.put("local", catalogue.local().clone());
        return new ItemFeatures(popularity(), catalogue.providerGroup(), catalogue.providerGroups(), catalogue.genres(),
                ItemFeatures.oneHot(catalogue.genre(), catalogue.genres().size()), tags);
    }

    /**
     * SHA-256 over a fixed binary layout (a canonical serialisation): a format tag, then the catalogue
     * (ids, genre names and indices, provider names and indices, local tags) and every history, all
     * length-prefixed in big-endian. Same data, same hash, whatever produced it.
     */
    public String sha256() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, "mandate.interactions.v1");
            out.writeInt(itemCount());
            for (String id : catalogue.itemIds()) writeString(out, id);
            out.writeInt(catalogue.genres().size());
            for (String g : catalogue.genres()) writeString(out, g);
            out.writeInt(catalogue.providerGroups().size());
            for (String g : catalogue.providerGroups()) writeString(out, g);
            for (int i = 0; i < itemCount(); i++) {
                out.writeInt(catalogue.genre()[i]);
                out.writeInt(catalogue.providerGroup()[i]);
                out.writeBoolean(catalogue.local()[i]);
            }
            out.writeInt(userCount);
            for (int[] h : histories) {
                out.writeInt(h.length);
                for (int i : h) out.writeInt(i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CanonicalJson.sha256Hex(bytes.toByteArray());
    }

    /** A data set with the same catalogue and only the given users, in that order. */
    public InteractionData subset(int[] users) {
        int[][] h = new int[users.length][];
        for (int j = 0; j < users.length; j++) h[j] = histories[users[j]];
        return new InteractionData(catalogue, users.length, h);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    @Override
    public String toString() {
        return "InteractionData[items=" + itemCount() + ", users=" + userCount + ", interactions=" + interactionCount() + "]";
    }
}
