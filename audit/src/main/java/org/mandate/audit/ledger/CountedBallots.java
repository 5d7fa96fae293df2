package org.mandate.audit.ledger;

import org.mandate.audit.merkle.InclusionProof;
import org.mandate.audit.merkle.MerkleTree;
import org.mandate.objectives.ballot.WeightBallot;
import org.mandate.objectives.json.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ballots a tally counted, one per voter, in voter order (the order {@link org.mandate.objectives.tally.Tally}
 * counts them in), and the RFC 6962 Merkle tree over them. Each leaf's data is the canonical ballot as the
 * member cast it, the preimage of their receipt ({@link BallotCast#ballot()}), so a voter holding a receipt
 * can be shown with about log₂ n hashes that exactly their ballot is among those counted, without anyone
 * handing over the other ballots.
 */
public record CountedBallots(List<BallotCast> ballots) {

    public CountedBallots {
        List<BallotCast> ordered = new ArrayList<>(ballots);
        ordered.sort(Comparator.comparing(BallotCast::voter));
        Set<String> voters = new HashSet<>();
        for (BallotCast b : ordered) {
            if (!voters.add(b.voter())) throw new IllegalArgumentException("voter " + b.voter() + " has more than one counted ballot");
        }
        ballots = List.copyOf(ordered);
    }

    public static CountedBallots of(Collection<BallotCast> ballots) {
        return new CountedBallots(List.copyOf(ballots));
    }

    /** The tree whose leaves are the canonical ballots, in voter order. */
    public MerkleTree tree() {
        List<byte[]> leaves = new ArrayList<>(ballots.size());
        for (BallotCast b : ballots) leaves.add(CanonicalJson.write(b.ballot()).getBytes(StandardCharsets.UTF_8));
        return MerkleTree.ofData(leaves);
    }

    /** MTH of the counted ballots (hex); the empty tree's root when nothing was counted. */
    public String root() {
        return tree().root();
    }

    /** The ballots as the tally counts them. */
    public List<WeightBallot> weightBallots() {
        return ballots.stream().map(b -> new WeightBallot(b.voter(), b.weights())).toList();
    }

    /** SHA-256 of the counted ballots as {@link org.mandate.objectives.tally.Tally} digests them. */
    public String digest() {
        return CanonicalJson.sha256(weightBallots().stream().map(WeightBallot::toJsonValue).toList());
    }

    /** The leaf of the ballot with this receipt and its inclusion proof under {@link #root()}, if it was counted. */
    public Optional<Leaf> leaf(String receipt) {
        for (int i = 0; i < ballots.size(); i++) {
            if (ballots.get(i).receipt().equals(receipt)) {
                MerkleTree tree = tree();
                return Optional.of(new Leaf(i, tree.leafHash(i), tree.inclusionProof(i, ballots.size())));
            }
        }
        return Optional.empty();
    }

    /** A counted ballot's position, leaf hash (hex) and audit path. */
    public record Leaf(int index, String leafHash, InclusionProof proof) {}
}
