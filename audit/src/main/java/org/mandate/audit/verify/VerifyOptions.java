package org.mandate.audit.verify;

import org.mandate.audit.checkpoint.KeyFiles;
import org.mandate.audit.checkpoint.SignedCheckpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a verifier brings from outside the bundle, because a bundle cannot vouch for itself: the checkpoint
 * it saw last time (the bundle's log must be consistent with it) and the public keys it trusts, by signer
 * name (each must have signed the latest checkpoint). Without trusted keys the bundle's own {@code keys/}
 * are used and the verdict prints their fingerprints for the reader to compare with those published
 * elsewhere (the regulator's site, the report on paper).
 *
 * @param previous     a checkpoint seen earlier, or null
 * @param trustedKeys  signer name → key; empty to take the keys from the bundle
 */
public record VerifyOptions(SignedCheckpoint previous, Map<String, PublicKey> trustedKeys) {

    public static final VerifyOptions NONE = new VerifyOptions(null, Map.of());

    public VerifyOptions {
        trustedKeys = Map.copyOf(new TreeMap<>(trustedKeys));
    }

    /**
     * Options read from files: a previously saved checkpoint file and a directory of {@code <signer>.pub}
     * keys; either may be null.
     */
    public static VerifyOptions of(Path previousCheckpoint, Path trustedKeysDir) {
        SignedCheckpoint previous = previousCheckpoint == null ? null : SignedCheckpoint.read(previousCheckpoint);
        Map<String, PublicKey> keys = new TreeMap<>();
        if (trustedKeysDir != null) {
            try (Stream<Path> files = Files.list(trustedKeysDir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pub")).sorted().toList()) {
                    String name = f.getFileName().toString();
                    keys.put(name.substring(0, name.length() - 4), KeyFiles.readPublic(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list trusted keys in " + trustedKeysDir, e);
            }
        }
        return new VerifyOptions(previous, keys);
    }
}
