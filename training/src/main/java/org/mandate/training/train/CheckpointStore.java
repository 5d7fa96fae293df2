package org.mandate.training.train;

import org.mandate.objectives.json.CanonicalJson;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.stream.Stream;

/**
 * A directory of checkpoints for one training run: {@code <phase>.ckpt} after every epoch of the training and
 * of each calibration run, and {@code calibration-<objective>.row} once a calibration run of the payoff table
 * is done (its surrogate values). Every file names the run it belongs to (mandate, data, split and
 * hyper-parameter hashes) and ends with the SHA-256 of its content; it is written to a temporary file and
 * moved into place with ATOMIC_MOVE, so a crash leaves either the previous checkpoint or the new one.
 * <p>
 * A fresh run ({@code resume = false}) deletes the directory's checkpoint files first. A resumed run refuses,
 * with the reason, a file that is corrupt or belongs to another run, instead of mixing runs.
 */
public final class CheckpointStore {

    /** No checkpoints: nothing is written or read. */
    public static final CheckpointStore NONE = new CheckpointStore(null, false, new LinkedHashMap<>());

    private static final String MAGIC = "mandate-checkpoint";
    private static final int VERSION = 1;
    private static final int HASH_BYTES = 32;

    private final Path dir;
    private final boolean resume;
    private final SequencedMap<String, String> identity;

    private CheckpointStore(Path dir, boolean resume, SequencedMap<String, String> identity) {
        this.dir = dir;
        this.resume = resume;
        this.identity = identity;
    }

    /** Checkpoints in {@code dir}, continuing from them when {@code resume}; bind to a run with {@link #forRun}. */
    public static CheckpointStore in(Path dir, boolean resume) {
        return new CheckpointStore(java.util.Objects.requireNonNull(dir, "dir"), resume, new LinkedHashMap<>());
    }

    public boolean enabled() {
        return dir != null;
    }

    public boolean resuming() {
        return resume;
    }

    public Path directory() {
        return dir;
    }

    /**
     * This store bound to one run, identified by named hashes (compared one by one on resume, so a refusal can
     * say what differs). A fresh run clears the directory's checkpoint files here.
     */
    public CheckpointStore forRun(SequencedMap<String, String> identity) {
        if (!enabled()) return this;
        try {
            Files.createDirectories(dir);
            if (!resume) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(CheckpointStore::isCheckpointFile).toList()) Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the checkpoint directory " + dir, e);
        }
        return new CheckpointStore(dir, resume, new LinkedHashMap<>(identity));
    }

    /** The latest epoch checkpoint of a phase, when resuming and one exists. */
    public Optional<Checkpoint> epoch(String phase) {
        if (!enabled()) return Optional.empty();
        return read(file(phase, ".ckpt"), phase).map(bytes -> {
            try {
                return Checkpoint.fromBytes(bytes);
            } catch (IOException e) {
                throw new CheckpointRefused("corrupt checkpoint " + file(phase, ".ckpt") + ": " + e.getMessage(), e);
            }
        });
    }

    public void saveEpoch(String phase, Checkpoint checkpoint) {
        if (!enabled()) return;
        write(file(phase, ".ckpt"), phase, checkpoint.toBytes());
    }

    /** A finished calibration run's surrogate values, when resuming and it finished before. */
    public Optional<Map<String, Double>> calibrationRow(String objective) {
        if (!enabled()) return Optional.empty();
        String phase = "calibration:" + objective;
        return read(file(phase, ".row"), phase).map(bytes -> {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int n = in.readInt();
                if (n < 0 || n > 1000) throw new IOException("implausible row length " + n);
                Map<String, Double> row = new LinkedHashMap<>();
                for (int j = 0; j < n; j++) row.put(in.readUTF(), in.readDouble());
                return row;
            } catch (IOException e) {
                throw new CheckpointRefused("corrupt checkpoint " + file(phase, ".row") + ": " + e.getMessage(), e);
            }
        });
    }

    public void saveCalibrationRow(String objective, Map<String, Double> row) {
        if (!enabled()) return;
        String phase = "calibration:" + objective;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(row.size());
            for (Map.Entry<String, Double> e : row.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(file(phase, ".row"), phase, bytes.toByteArray());
    }

    private Path file(String phase, String suffix) {
        return dir.resolve(phase.replace(':', '-') + suffix);
    }

    private static boolean isCheckpointFile(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".ckpt") || name.endsWith(".row") || name.endsWith(".tmp");
    }

    private void write(Path file, String phase, byte[] payload) {
        if (!enabled()) return;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(identity.size());
            for (Map.Entry<String, String> e : identity.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeUTF(phase);
            out.writeInt(payload.length);
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = bytes.toByteArray();
        byte[] hash = sha256(body);
        byte[] all = Arrays.copyOf(body, body.length + HASH_BYTES);
        System.arraycopy(hash, 0, all, body.length, HASH_BYTES);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, all);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    private Optional<byte[]> read(Path file, String phase) {
        if (!enabled() || !resume || !Files.exists(file)) return Optional.empty();
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
        if (all.length < HASH_BYTES
                || !Arrays.equals(sha256(Arrays.copyOf(all, all.length - HASH_BYTES)), Arrays.copyOfRange(all, all.length - HASH_BYTES, all.length))) {
            throw new CheckpointRefused("corrupt checkpoint " + file + ": its SHA-256 does not match its content; refusing to resume");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - HASH_BYTES))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new CheckpointRefused(file + " is not a checkpoint of this trainer (version " + VERSION + "); refusing to resume");
            }
            int n = in.readInt();
            Map<String, String> theirs = new LinkedHashMap<>();
            for (int j = 0; j < n; j++) theirs.put(in.readUTF(), in.readUTF());
            for (Map.Entry<String, String> e : identity.entrySet()) {
                String other = theirs.get(e.getKey());
                if (!e.getValue().equals(other)) {
                    throw new CheckpointRefused("checkpoint " + file + " belongs to another run: its " + e.getKey() + " is "
                            + other + ", this run's is " + e.getValue() + "; refusing to resume (train without resuming, or use another checkpoint directory)");
                }
            }
            if (!theirs.keySet().equals(identity.keySet())) {
                throw new CheckpointRefused("checkpoint " + file + " names the run by " + theirs.keySet() + ", not " + identity.keySet() + "; refusing to resume");
            }
            String storedPhase = in.readUTF();
            if (!storedPhase.equals(phase)) throw new CheckpointRefused("checkpoint " + file + " holds phase " + storedPhase + ", not " + phase);
            int length = in.readInt();
            byte[] payload = in.readNBytes(length);
            if (payload.length != length) throw new CheckpointRefused("corrupt checkpoint " + file + ": truncated payload");
            return Optional.of(payload);
        } catch (IOException e) {
            throw new CheckpointRefused("corrupt checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return java.util.HexFormat.of().parseHex(CanonicalJson.sha256Hex(bytes));
    }
}
