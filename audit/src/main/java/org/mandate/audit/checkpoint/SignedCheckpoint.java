package org.mandate.audit.checkpoint;

import org.mandate.audit.ledger.JsonTrees;
import org.mandate.objectives.json.Json;
import org.mandate.objectives.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A checkpoint with its signatures: the log operator's first, then any co-signers' (e.g. the regulator,
 * after checking the checkpoint is consistent with the last one it saw). Published as one canonical JSON
 * object and a newline, {@code {"checkpoint":{...},"signatures":[...]}}; {@link #parse} accepts only that
 * exact form, so a file has one spelling and any changed byte is detected.
 */
public record SignedCheckpoint(Checkpoint checkpoint, List<CheckpointSignature> signatures) implements JsonValue {

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        signatures = List.copyOf(signatures);
        Set<String> signers = new HashSet<>();
        for (CheckpointSignature s : signatures) {
            if (!signers.add(s.signer())) throw new IllegalArgumentException("signer " + s.signer() + " signs a checkpoint twice");
        }
    }

    /** The file name under {@code checkpoints/}: the size, zero-padded so names sort in log order. */
    public String fileName() {
        return String.format("checkpoint-%012d.json", checkpoint.size());
    }

    /** The published text: canonical JSON and a newline. */
    public String text() {
        return canonicalJson() + "\n";
    }

    /** The same checkpoint with one more signature. */
    public SignedCheckpoint with(CheckpointSignature signature) {
        List<CheckpointSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedCheckpoint(checkpoint, all);
    }

    public Optional<CheckpointSignature> signatureOf(String signer) {
        return signatures.stream().filter(s -> s.signer().equals(signer)).findFirst();
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkpoint", checkpoint.toJsonValue());
        json.put("signatures", signatures.stream().map(CheckpointSignature::toJsonValue).toList());
        return json;
    }

    /** Reads the published form; anything but exactly {@link #text()} of a well-formed value is refused. */
    @SuppressWarnings("unchecked")
    public static SignedCheckpoint parse(String text) {
        Map<String, Object> json = Json.parseObject(text);
        if (!json.keySet().equals(Set.of("checkpoint", "signatures"))) {
            throw new IllegalArgumentException("a signed checkpoint has exactly checkpoint and signatures, got " + json.keySet());
        }
        if (!(json.get("signatures") instanceof List<?> list)) throw new IllegalArgumentException("signatures must be a list");
        List<CheckpointSignature> signatures = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException("a signature must be an object, got " + o);
            signatures.add(CheckpointSignature.fromJson((Map<String, Object>) m));
        }
        SignedCheckpoint parsed = new SignedCheckpoint(Checkpoint.fromJson(JsonTrees.object(json, "checkpoint")), signatures);
        if (!parsed.text().equals(text)) throw new IllegalArgumentException("checkpoint file is not in canonical form (canonical JSON and one newline)");
        return parsed;
    }

    public static SignedCheckpoint read(Path file) {
        try {
            return parse(strictUtf8(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@link #text()} to {@code file} (parent directories created). */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8", e);
        }
    }
}
