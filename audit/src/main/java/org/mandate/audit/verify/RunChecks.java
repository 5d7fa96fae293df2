package org.mandate.audit.verify;

import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.TrainingRunRecorded;
import org.mandate.objectives.json.CanonicalJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model artifacts shipped in a bundle ({@code runs/<name>/manifest.json} + {@code parameters.bin}): the
 * manifest must be byte for byte the canonical manifest a training-run entry of the ledger recorded (its
 * SHA-256 is that entry's manifest_hash), it must name that entry's mandate, and the model file must hash to
 * the manifest's {@code model_sha256}. So the chain runs vote → tally → mandate → run → model file. The
 * field names are those of the training module's RunManifest, read here as plain JSON.
 */
final class RunChecks {

    static final String MODEL_SHA256 = "model_sha256";
    static final String MANDATE_SHA256 = "mandate_sha256";

    private RunChecks() {}

    static List<Check> run(Path bundle, List<LedgerEntry> entries) {
        Path runs = bundle.resolve(BundleLayout.RUNS);
        if (!Files.isDirectory(runs)) return List.of();
        List<TrainingRunRecorded> recorded = new ArrayList<>();
        for (LedgerEntry e : entries) {
            if (!e.kind().equals(TrainingRunRecorded.KIND)) continue;
            try {
                recorded.add((TrainingRunRecorded) LedgerEvent.parse(e));
            } catch (RuntimeException ignored) {
                // reported by the "entries" check
            }
        }
        List<Check> checks = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.sorted().toList()) checks.add(artifact(dir, recorded));
        } catch (IOException e) {
            checks.add(Check.fail("model artifacts", "cannot list " + runs + ": " + e.getMessage()));
        }
        return checks;
    }

    private static Check artifact(Path dir, List<TrainingRunRecorded> recorded) {
        String name = "model " + BundleLayout.RUNS + "/" + dir.getFileName();
        if (!Files.isDirectory(dir)) return Check.fail(name, "is not a directory holding " + BundleLayout.MANIFEST + " and " + BundleLayout.PARAMETERS);
        try {
            Path manifestFile = dir.resolve(BundleLayout.MANIFEST);
            Path parameters = dir.resolve(BundleLayout.PARAMETERS);
            if (!Files.isRegularFile(manifestFile)) return Check.fail(name, "has no " + BundleLayout.MANIFEST);
            if (!Files.isRegularFile(parameters)) return Check.fail(name, "has no " + BundleLayout.PARAMETERS);
            String manifestHash = CanonicalJson.sha256Hex(Files.readAllBytes(manifestFile));
            TrainingRunRecorded run = recorded.stream().filter(r -> r.manifestHash().equals(manifestHash)).findFirst().orElse(null);
            if (run == null) {
                return Check.fail(name, BundleLayout.MANIFEST + " hashes to " + manifestHash + ", the manifest of no training run in the ledger");
            }
            Object mandate = run.manifest().get(MANDATE_SHA256);
            if (mandate != null && !mandate.equals(run.mandateHash())) {
                return Check.fail(name, "the manifest names mandate " + mandate + " but its run was recorded under " + run.mandateHash());
            }
            if (!(run.manifest().get(MODEL_SHA256) instanceof String expected)) {
                return Check.fail(name, "the manifest of run '" + run.label() + "' records no " + MODEL_SHA256);
            }
            String actual = CanonicalJson.sha256Hex(Files.readAllBytes(parameters));
            if (!actual.equals(expected)) {
                return Check.fail(name, BundleLayout.PARAMETERS + " hashes to " + actual + " but the manifest recorded in the ledger names " + expected);
            }
            return Check.pass(name, "manifest of run '" + run.label() + "' as recorded (hash " + manifestHash + "), trained under mandate "
                    + run.mandateHash() + "; " + BundleLayout.PARAMETERS + " has the recorded SHA-256 " + actual);
        } catch (IOException e) {
            return Check.fail(name, "cannot be read: " + e.getMessage());
        }
    }
}
