package org.mandate.audit.checkpoint;

import org.mandate.audit.merkle.ConsistencyProof;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * Signs checkpoints with Ed25519: the log operator signs first ({@link #sign}); a second party — the
 * regulator, an independent witness — adds its signature to the same checkpoint ({@link #cosign}), ideally
 * only after checking that it extends the last checkpoint it co-signed ({@link #cosignIfConsistent}), so a
 * log that shows different histories to different readers cannot get both co-signed.
 */
public final class CheckpointSigner {

    private CheckpointSigner() {}

    /** The checkpoint signed by {@code signer} with {@code key}. */
    public static SignedCheckpoint sign(Checkpoint checkpoint, String signer, KeyPair key) {
        return new SignedCheckpoint(checkpoint, List.of(signature(checkpoint, signer, key)));
    }

    /** The same checkpoint with {@code signer}'s signature added (refused if that signer already signed it). */
    public static SignedCheckpoint cosign(SignedCheckpoint signed, String signer, KeyPair key) {
        return signed.with(signature(signed.checkpoint(), signer, key));
    }

    /**
     * Co-signs {@code latest} only if {@code proof} shows it extends {@code previouslySeen} (same origin, a
     * tree at least as large, RFC 9162 §2.1.4.2 consistency); otherwise throws, naming what failed.
     */
    public static SignedCheckpoint cosignIfConsistent(SignedCheckpoint latest, Checkpoint previouslySeen, ConsistencyProof proof,
                                                      String signer, KeyPair key) {
        Checkpoint now = latest.checkpoint();
        if (!now.origin().equals(previouslySeen.origin())) {
            throw new IllegalArgumentException("checkpoint of " + now.origin() + " cannot extend one of " + previouslySeen.origin());
        }
        if (proof.oldSize() != previouslySeen.size() || proof.newSize() != now.size() || !proof.verify(previouslySeen.rootHash(), now.rootHash())) {
            throw new IllegalArgumentException("the log at size " + now.size() + " is not consistent with the checkpoint seen at size "
                    + previouslySeen.size() + ": refusing to co-sign");
        }
        return cosign(latest, signer, key);
    }

    private static CheckpointSignature signature(Checkpoint checkpoint, String signer, KeyPair key) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key.getPrivate());
            ed.update(checkpoint.signedMessage());
            String sig = Base64.getEncoder().encodeToString(ed.sign());
            CheckpointSignature s = new CheckpointSignature(signer, KeyFiles.keyId(key.getPublic()), sig);
            // A pair whose halves do not match would publish a signature nobody can verify: refuse it here.
            if (!s.verifies(checkpoint, key.getPublic())) throw new IllegalArgumentException("the private key of " + signer + " does not match its public key");
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with the key of " + signer + ": " + e.getMessage(), e);
        }
    }
}
