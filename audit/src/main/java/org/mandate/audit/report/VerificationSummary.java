package org.mandate.audit.report;

import org.mandate.audit.checkpoint.SignedCheckpoint;
import org.mandate.audit.ledger.BallotCast;
import org.mandate.audit.ledger.CountedBallots;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.TallyComputed;
import org.mandate.audit.merkle.MerkleTree;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Merkle side of the record as of the report: the latest signed checkpoint (size, root, who signed),
 * whether its root is the tree head of that many entries and the ledger has only grown since (a consistency
 * proof), the Merkle root of the ballots the tally counted recomputed from the published ballots, and the
 * exact command a reader runs to check all of it again.
 *
 * @param checkpoint            the latest signed checkpoint at the time of the report, or null when none was signed
 * @param checkpointRootMatches null without a checkpoint
 * @param consistent            the consistency proof from the checkpoint to the ledger now verifies; null without a checkpoint
 * @param ballotsRoot           the Merkle root of the counted ballots the tally entry records; null when there is no tally or it records none
 * @param ballotsRootRecomputed the same root recomputed from the published ballots matches; null when there is nothing to compare
 */
public record VerificationSummary(SignedCheckpoint checkpoint, Boolean checkpointRootMatches, Boolean consistent, long ledgerSize,
                                  String ledgerRoot, String ballotsRoot, Boolean ballotsRootRecomputed, int countedBallots,
                                  String command) {

    public VerificationSummary {
        Objects.requireNonNull(ledgerRoot, "ledgerRoot");
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) throw new IllegalArgumentException("the verification command cannot be blank");
    }

    /**
     * Computes the status from the ledger entries a report covers, the latest checkpoint signed over them
     * (null for none) and the panel whose tally the report shows (null for none).
     */
    public static VerificationSummary of(List<LedgerEntry> entries, SignedCheckpoint checkpoint, Long panelId, String command) {
        MerkleTree tree = MerkleTree.ofLedger(entries);
        Boolean rootMatches = null, consistent = null;
        if (checkpoint != null) {
            long size = checkpoint.checkpoint().size();
            rootMatches = size <= entries.size() && tree.root(size).equals(checkpoint.checkpoint().rootHash());
            consistent = rootMatches && tree.consistencyProof(size, entries.size()).verify(checkpoint.checkpoint().rootHash(), tree.root());
        }
        String recorded = null;
        Boolean recomputed = null;
        int counted = 0;
        if (panelId != null) {
            Map<String, BallotCast> latest = new TreeMap<>();
            for (LedgerEntry e : entries) {
                LedgerEvent event;
                try {
                    if (!LedgerEvent.isModelled(e.kind())) continue;
                    event = LedgerEvent.parse(e);
                } catch (RuntimeException unreadable) {
                    continue; // the verifier's "entries" line reports it; here it simply cannot be counted
                }
                if (event instanceof BallotCast b && b.panelId() == panelId) {
                    latest.merge(b.voter(), b, (old, now) -> now.version() > old.version() ? now : old);
                } else if (event instanceof TallyComputed t && t.panelId() == panelId) {
                    CountedBallots ballots = CountedBallots.of(latest.values());
                    counted = ballots.ballots().size();
                    recorded = t.ballotsRoot();
                    recomputed = recorded == null ? null : recorded.equals(ballots.root());
                }
            }
        }
        return new VerificationSummary(checkpoint, rootMatches, consistent, entries.size(), tree.root(), recorded, recomputed, counted, command);
    }
}
