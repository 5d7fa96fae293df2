package org.mandate.audit.verify;

import org.mandate.audit.checkpoint.Checkpoint;
import org.mandate.audit.checkpoint.CheckpointSignature;
import org.mandate.audit.checkpoint.KeyFiles;
import org.mandate.audit.checkpoint.SignedCheckpoint;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.merkle.ConsistencyProof;
import org.mandate.audit.merkle.InclusionProof;
import org.mandate.audit.merkle.MerkleTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Merkle side of a bundle: every published key is a well-formed Ed25519 key, every checkpoint's
 * signatures verify, every checkpoint's root is the RFC 9162 tree head of that many ledger entries and
 * successive checkpoints are linked by consistency proofs, the latest checkpoint covers the whole ledger and
 * every entry has an inclusion proof under its root, and the log is consistent with a checkpoint the reader
 * saw before. Proofs are generated from the bundle's ledger and checked with the verifiers a client without
 * the ledger would use, so a fault in either shows here.
 */
final class CheckpointChecks {

    private CheckpointChecks() {}

    static List<Check> run(Path bundle, List<LedgerEntry> entries, VerifyOptions options) {
        List<Check> checks = new ArrayList<>();
        Path dir = bundle.resolve(BundleLayout.CHECKPOINTS);
        boolean required = options.previous() != null || !options.trustedKeys().isEmpty();
        if (!Files.isDirectory(dir)) {
            if (required) checks.add(Check.fail("checkpoints", "the bundle has no " + BundleLayout.CHECKPOINTS + "/ directory, so nothing in it is signed"));
            return checks;
        }
        MerkleTree tree = MerkleTree.ofLedger(entries);

        Map<String, PublicKey> keys = new TreeMap<>();
        Map<String, Path> keyFiles = new TreeMap<>();
        List<String> badKeys = new ArrayList<>();
        for (Path f : list(bundle.resolve(BundleLayout.KEYS), ".pub", badKeys)) {
            String name = f.getFileName().toString();
            String signer = name.substring(0, name.length() - ".pub".length());
            try {
                keys.put(signer, KeyFiles.readPublic(f));
                keyFiles.put(signer, f);
            } catch (RuntimeException e) {
                badKeys.add(BundleLayout.KEYS + "/" + name + ": " + e.getMessage());
            }
        }
        options.trustedKeys().forEach((signer, trusted) -> {
            PublicKey published = keys.get(signer);
            if (published != null && !published.equals(trusted)) {
                badKeys.add(BundleLayout.KEYS + "/" + signer + ".pub is not the key you trust for " + signer
                        + " (bundle " + KeyFiles.keyId(published) + ", trusted " + KeyFiles.keyId(trusted) + ")");
            }
        });
        Map<String, PublicKey> verifying = new TreeMap<>(keys);
        verifying.putAll(options.trustedKeys());

        List<Path> files = list(dir, ".json", badKeys);
        if (files.isEmpty()) {
            checks.add(Check.fail("checkpoints", BundleLayout.CHECKPOINTS + "/ holds no checkpoint"));
            return checks;
        }
        Set<String> keysThatSigned = new HashSet<>();
        SignedCheckpoint previous = null;
        SignedCheckpoint latest = null;
        for (Path f : files) {
            String name = "checkpoint " + BundleLayout.CHECKPOINTS + "/" + f.getFileName();
            SignedCheckpoint cp;
            try {
                cp = SignedCheckpoint.read(f);
            } catch (RuntimeException e) {
                checks.add(Check.fail(name, e.getMessage()));
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (!cp.fileName().equals(f.getFileName().toString())) problems.add("a checkpoint of size " + cp.checkpoint().size() + " must be named " + cp.fileName());
            problems.addAll(signatureProblems(cp, verifying, keysThatSigned));
            Checkpoint c = cp.checkpoint();
            String linked = "";
            if (c.size() > entries.size()) {
                problems.add("covers " + c.size() + " entries but the ledger has " + entries.size());
            } else {
                if (!tree.root(c.size()).equals(c.rootHash())) problems.add("root " + c.rootHash() + " is not the tree head of the first " + c.size() + " ledger entries (" + tree.root(c.size()) + ")");
                if (previous != null) {
                    Checkpoint p = previous.checkpoint();
                    if (!p.origin().equals(c.origin())) problems.add("origin " + c.origin() + " differs from the previous checkpoint's " + p.origin());
                    ConsistencyProof proof = tree.consistencyProof(p.size(), c.size());
                    if (!proof.verify(p.rootHash(), c.rootHash())) problems.add("not consistent with the checkpoint at size " + p.size());
                    else linked = "; consistent with the checkpoint at size " + p.size() + " (proof of " + proof.path().size() + " hashes)";
                }
            }
            checks.add(problems.isEmpty()
                    ? Check.pass(name, c.origin() + " size " + c.size() + " root " + c.rootHash() + ", signed by "
                            + String.join(", ", cp.signatures().stream().map(CheckpointSignature::signer).toList()) + linked)
                    : Check.fail(name, String.join("; ", problems)));
            previous = cp;
            latest = cp;
        }

        for (Map.Entry<String, PublicKey> k : keys.entrySet()) {
            if (!keysThatSigned.contains(KeyFiles.keyId(k.getValue()))) {
                badKeys.add(BundleLayout.KEYS + "/" + keyFiles.get(k.getKey()).getFileName() + " signed no checkpoint in the bundle");
            }
        }
        String fingerprints = String.join(", ", keys.entrySet().stream().map(k -> k.getKey() + " " + KeyFiles.keyId(k.getValue())).toList());
        if (!badKeys.isEmpty()) {
            checks.add(Check.fail("keys", String.join("; ", badKeys)));
        } else if (options.trustedKeys().isEmpty()) {
            checks.add(Check.pass("keys", "keys taken from the bundle; compare these SHA-256 fingerprints with the ones the log and its co-signers publish: " + fingerprints));
        } else {
            checks.add(Check.pass("keys", "the bundle's keys are the trusted ones: " + fingerprints));
        }

        if (latest == null) return checks;
        checks.add(trustedSigners(latest, options));
        checks.add(inclusion(latest.checkpoint(), entries, tree));
        if (options.previous() != null) checks.add(previouslySeen(options.previous(), latest.checkpoint(), tree, verifying));
        return checks;
    }

    /** Every signature present must verify with its signer's key, and at least one must be present. */
    private static List<String> signatureProblems(SignedCheckpoint cp, Map<String, PublicKey> keys, Set<String> keysThatSigned) {
        List<String> problems = new ArrayList<>();
        if (cp.signatures().isEmpty()) problems.add("carries no signature");
        for (CheckpointSignature s : cp.signatures()) {
            PublicKey key = keys.get(s.signer());
            if (key == null) {
                problems.add("signed by " + s.signer() + ", whose key is neither in " + BundleLayout.KEYS + "/ nor trusted");
            } else if (!s.verifies(cp.checkpoint(), key)) {
                problems.add("the signature of " + s.signer() + " does not verify with key " + KeyFiles.keyId(key));
            } else {
                keysThatSigned.add(s.keyId());
            }
        }
        return problems;
    }

    private static Check trustedSigners(SignedCheckpoint latest, VerifyOptions options) {
        List<String> missing = new ArrayList<>();
        options.trustedKeys().forEach((signer, key) -> {
            boolean signed = latest.signatureOf(signer).map(s -> s.verifies(latest.checkpoint(), key)).orElse(false);
            if (!signed) missing.add(signer);
        });
        String signers = String.join(", ", latest.signatures().stream().map(CheckpointSignature::signer).toList());
        if (!missing.isEmpty()) return Check.fail("signed head", "the latest checkpoint lacks a valid signature of " + String.join(", ", missing));
        return Check.pass("signed head", "the latest checkpoint (size " + latest.checkpoint().size() + ") is signed by " + signers
                + (options.trustedKeys().isEmpty() ? "" : ", every trusted key among them"));
    }

    /** RFC 9162 §2.1.3: each entry, from its published line, leads to the signed root. */
    private static Check inclusion(Checkpoint head, List<LedgerEntry> entries, MerkleTree tree) {
        if (head.size() != entries.size()) {
            return Check.fail("inclusion", "the latest signed checkpoint covers " + head.size() + " of " + entries.size()
                    + " entries: entries " + head.size() + ".." + (entries.size() - 1) + " are not under any signed root");
        }
        List<Long> unproven = new ArrayList<>();
        long hashes = 0;
        for (LedgerEntry e : entries) {
            InclusionProof proof = tree.inclusionProof(e.seq(), head.size());
            hashes += proof.path().size();
            if (!proof.verify(MerkleTree.leafHash(e), head.rootHash())) unproven.add(e.seq());
        }
        return unproven.isEmpty()
                ? Check.pass("inclusion", "all " + entries.size() + " entries have an inclusion proof under the signed root " + head.rootHash()
                        + " (" + hashes + " proof hashes checked)")
                : Check.fail("inclusion", "entries " + unproven + " have no valid inclusion proof under the signed root");
    }

    private static Check previouslySeen(SignedCheckpoint seen, Checkpoint head, MerkleTree tree, Map<String, PublicKey> keys) {
        Checkpoint old = seen.checkpoint();
        String name = "consistency with your checkpoint";
        List<String> problems = signatureProblems(seen, keys, new HashSet<>());
        if (!problems.isEmpty()) return Check.fail(name, "the checkpoint you kept does not verify: " + String.join("; ", problems));
        if (!old.origin().equals(head.origin())) return Check.fail(name, "you kept a checkpoint of " + old.origin() + ", this bundle is " + head.origin());
        if (old.size() > head.size()) return Check.fail(name, "you saw " + old.size() + " entries, the bundle's signed head has only " + head.size() + ": the log shrank");
        ConsistencyProof proof = tree.consistencyProof(old.size(), head.size());
        if (!proof.verify(old.rootHash(), head.rootHash())) {
            return Check.fail(name, "the log was rewritten: its first " + old.size() + " entries no longer have the root " + old.rootHash() + " you saw");
        }
        return Check.pass(name, "the log of size " + head.size() + " extends the one of size " + old.size() + " you saw (" + old.timestamp()
                + "); consistency proof of " + proof.path().size() + " hashes verifies");
    }

    private static List<Path> list(Path dir, String suffix, List<String> problems) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            problems.add("cannot list " + dir + ": " + e.getMessage());
            return List.of();
        }
    }
}
