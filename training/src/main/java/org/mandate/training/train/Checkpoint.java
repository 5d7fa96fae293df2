package org.mandate.training.train;

import org.mandate.training.model.ModelParameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a training phase needs to continue after epoch {@code epoch} exactly as if it had never stopped:
 * the parameters, Adam's moments and step, the batch order the next shuffle starts from (the random stream itself
 * is replayed from the seed, and must arrive at this order), and the augmented Lagrangian's multipliers, penalties, offsets and history (opaque bytes written by
 * {@link AugmentedLagrangian#writeState}). Arrays are stored in ND4J's binary format, so floats round-trip
 * bit for bit.
 */
public record Checkpoint(int epoch, int adamStep, int[] order, Map<String, INDArray> parameters,
                         Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments, byte[] constraintState) {

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(epoch);
            out.writeInt(adamStep);
            out.writeInt(order.length);
            for (int u : order) out.writeInt(u);
            for (Map<String, INDArray> arrays : java.util.List.of(parameters, firstMoments, secondMoments)) {
                for (String name : ModelParameters.NAMES) Nd4j.write(arrays.get(name), out);
            }
            out.writeInt(constraintState.length);
            out.write(constraintState);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are not a checkpoint of this layout */
    public static Checkpoint fromBytes(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int epoch = in.readInt(), step = in.readInt(), users = in.readInt();
            if (epoch < 1 || step < 1 || users < 0 || users > bytes.length / 4) throw new IOException("implausible header");
            int[] order = new int[users];
            for (int u = 0; u < users; u++) order[u] = in.readInt();
            java.util.List<Map<String, INDArray>> maps = new java.util.ArrayList<>();
            for (int k = 0; k < 3; k++) {
                Map<String, INDArray> arrays = new LinkedHashMap<>();
                for (String name : ModelParameters.NAMES) arrays.put(name, Nd4j.read(in));
                maps.add(arrays);
            }
            int n = in.readInt();
            if (n < 0 || n > bytes.length) throw new IOException("implausible constraint state length " + n);
            byte[] state = in.readNBytes(n);
            if (state.length != n || in.read() != -1) throw new IOException("truncated or trailing bytes");
            return new Checkpoint(epoch, step, order, maps.get(0), maps.get(1), maps.get(2), state);
        } catch (RuntimeException e) {
            // ND4J reports malformed arrays with runtime exceptions.
            throw new IOException("unreadable arrays: " + e.getMessage(), e);
        }
    }
}
