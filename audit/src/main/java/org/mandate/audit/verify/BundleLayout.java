package org.mandate.audit.verify;

import org.mandate.audit.checkpoint.KeyFiles;
import org.mandate.audit.checkpoint.SignedCheckpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.regex.Pattern;

/**
 * Where things live in an exported bundle, and the writers that put them there:
 * <pre>
 * ledger.jsonl                          the ledger, one canonical line per entry ({@link LedgerFile})
 * report.json                           the transparency report, its SHA-256 in the ledger's report entry
 * checkpoints/checkpoint-&lt;size&gt;.json    signed (and co-signed) Merkle checkpoints of the ledger
 * keys/&lt;signer&gt;.pub                      the X.509 PEM public key of each signer named in a checkpoint
 * runs/&lt;name&gt;/manifest.json             a training run's manifest, byte-identical to the one in the ledger
 * runs/&lt;name&gt;/parameters.bin            the model file whose SHA-256 the manifest records as model_sha256
 * </pre>
 */
public final class BundleLayout {

    public static final String LEDGER = LedgerFile.NAME;
    public static final String REPORT = "report.json";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String KEYS = "keys";
    public static final String RUNS = "runs";
    public static final String MANIFEST = "manifest.json";
    public static final String PARAMETERS = "parameters.bin";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private BundleLayout() {}

    /** Writes {@code checkpoints/<fileName>} and returns its path. */
    public static Path writeCheckpoint(Path bundle, SignedCheckpoint checkpoint) {
        Path file = bundle.resolve(CHECKPOINTS).resolve(checkpoint.fileName());
        checkpoint.write(file);
        return file;
    }

    /** Publishes a signer's public key as {@code keys/<signer>.pub}. */
    public static Path writeKey(Path bundle, String signer, PublicKey key) {
        Path file = bundle.resolve(KEYS).resolve(name(signer) + ".pub");
        KeyFiles.writePublic(key, file);
        return file;
    }

    /** Copies a model artifact directory's manifest.json and parameters.bin to {@code runs/<name>/}. */
    public static Path copyRun(Path artifactDir, Path bundle, String name) {
        Path target = bundle.resolve(RUNS).resolve(name(name));
        try {
            Files.createDirectories(target);
            Files.copy(artifactDir.resolve(MANIFEST), target.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(artifactDir.resolve(PARAMETERS), target.resolve(PARAMETERS), StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model artifact " + artifactDir + " into " + target, e);
        }
    }

    private static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("not a safe file name: " + name);
        return name;
    }
}
