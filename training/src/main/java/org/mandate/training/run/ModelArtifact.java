package org.mandate.training.run;

import org.mandate.objectives.json.CanonicalJson;
import org.mandate.objectives.json.Json;
import org.mandate.training.model.ModelParameters;
import org.mandate.training.model.RecommenderModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model on disk: {@code parameters.bin} (w1, b1, w2, b2 in that order, each in ND4J's binary format)
 * and {@code manifest.json} (canonical JSON of the {@link RunManifest}, whose {@code model_sha256} is the
 * SHA-256 of parameters.bin; {@link #load} refuses a directory where they disagree).
 */
public record ModelArtifact(RecommenderModel model, Map<String, Object> manifest) {

    public static final String PARAMETERS = "parameters.bin";
    public static final String MANIFEST = "manifest.json";

    /** Writes the result's model and manifest into {@code dir} (created if needed) and returns {@code dir}. */
    public static Path write(TrainingResult result, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(PARAMETERS), serialise(result.model().parameters()));
            Files.writeString(dir.resolve(MANIFEST), result.manifest().canonicalJson(), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model artifact to " + dir, e);
        }
    }

    public static ModelArtifact load(Path dir) {
        try {
            byte[] bytes = Files.readAllBytes(dir.resolve(PARAMETERS));
            Map<String, Object> manifest = Json.parseObject(Files.readString(dir.resolve(MANIFEST), StandardCharsets.UTF_8));
            String expected = (String) manifest.get("model_sha256");
            String actual = CanonicalJson.sha256Hex(bytes);
            if (!actual.equals(expected)) {
                throw new IllegalStateException("parameters.bin has SHA-256 " + actual + " but the manifest names " + expected);
            }
            return new ModelArtifact(new RecommenderModel(deserialise(bytes)), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model artifact from " + dir, e);
        }
    }

    /** The exact bytes of parameters.bin; their SHA-256 is the model's identity. */
    public static byte[] serialise(ModelParameters parameters) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (INDArray a : parameters.asMap().values()) Nd4j.write(a, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ModelParameters deserialise(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            for (String name : ModelParameters.NAMES) arrays.put(name, Nd4j.read(in));
            return ModelParameters.fromMap(arrays);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
