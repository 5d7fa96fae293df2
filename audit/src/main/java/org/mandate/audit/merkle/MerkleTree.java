package org.mandate.audit.merkle;

import org.mandate.audit.ledger.LedgerEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9162 §2.1 Merkle tree over a list of leaves, with the tree head MTH of any prefix, inclusion
 * proofs (§2.1.3.1) and consistency proofs (§2.1.4.1). Sizes need not be powers of two: the tree splits
 * at the largest power of two smaller than its size, exactly as the RFC's MTH does, so the roots match
 * every other RFC 6962 implementation (the Certificate Transparency test vectors prove it).
 *
 * <p>Over a ledger the leaf data is the entry's canonical published line ({@link LedgerEntry#canonicalLine()},
 * without the newline): a leaf then commits to the whole entry — seq, kind, payload and both chain hashes —
 * so an inclusion proof can be checked from the line a reader holds, without trusting the hash chain's own
 * hash function. The leaves are fixed at construction; hashes of perfect subtrees are memoised (they never
 * change when the log grows), so proofs for every entry cost O(n log n) hashes. Because of that memo an
 * instance is not safe for concurrent use.
 */
public final class MerkleTree {

    private final List<byte[]> leaves;
    private final Map<Long, byte[]> perfect = new HashMap<>();

    private MerkleTree(List<byte[]> leafHashes) {
        this.leaves = leafHashes;
    }

    /** A tree whose leaves hash the given data with {@link Rfc6962#leafHash}. */
    public static MerkleTree ofData(List<byte[]> data) {
        List<byte[]> hashes = new ArrayList<>(data.size());
        for (byte[] d : data) hashes.add(Rfc6962.leafHash(d));
        return new MerkleTree(hashes);
    }

    /** The tree over ledger entries, one leaf per entry in seq order (leaf data: its canonical line in UTF-8). */
    public static MerkleTree ofLedger(List<LedgerEntry> entries) {
        List<byte[]> data = new ArrayList<>(entries.size());
        for (LedgerEntry e : entries) data.add(leafData(e));
        return ofData(data);
    }

    /** What a ledger entry contributes as leaf data. */
    public static byte[] leafData(LedgerEntry entry) {
        return entry.canonicalLine().getBytes(StandardCharsets.UTF_8);
    }

    /** The leaf hash (hex) of a ledger entry: what an inclusion proof starts from. */
    public static String leafHash(LedgerEntry entry) {
        return Rfc6962.hex(Rfc6962.leafHash(leafData(entry)));
    }

    public int size() {
        return leaves.size();
    }

    public String leafHash(int index) {
        return Rfc6962.hex(leaves.get(index));
    }

    /** MTH of the whole tree (hex). */
    public String root() {
        return root(leaves.size());
    }

    /** MTH of the first {@code size} leaves (hex): the root the log had when it was that long. */
    public String root(long size) {
        checkSize(size);
        return size == 0 ? Rfc6962.EMPTY_ROOT : Rfc6962.hex(mth(0, size));
    }

    /** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public InclusionProof inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        List<String> path = new ArrayList<>();
        path(index, 0, size, path);
        return new InclusionProof(index, size, path);
    }

    /** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the tree of size {@code oldSize} is a prefix of the tree of size {@code newSize}. */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        checkSize(newSize);
        if (oldSize < 0 || oldSize > newSize) throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to " + newSize);
        List<String> path = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) subproof(oldSize, 0, newSize, true, path);
        return new ConsistencyProof(oldSize, newSize, path);
    }

    private void checkSize(long size) {
        if (size < 0 || size > leaves.size()) throw new IllegalArgumentException("tree size " + size + " outside 0.." + leaves.size());
    }

    /** MTH(D[lo:hi]), hi > lo. */
    private byte[] mth(long lo, long hi) {
        long n = hi - lo;
        if (n == 1) return leaves.get(Math.toIntExact(lo));
        boolean isPerfect = Long.bitCount(n) == 1;
        long key = isPerfect ? (lo << 6) | Long.numberOfTrailingZeros(n) : -1;
        if (isPerfect && perfect.containsKey(key)) return perfect.get(key);
        long k = Rfc6962.split(n);
        byte[] h = Rfc6962.nodeHash(mth(lo, lo + k), mth(lo + k, hi));
        if (isPerfect) perfect.put(key, h);
        return h;
    }

    /** PATH(m, D[lo:hi]) with m absolute; siblings are appended deepest first, as the RFC lists them. */
    private void path(long m, long lo, long hi, List<String> out) {
        long n = hi - lo;
        if (n == 1) return;
        long k = Rfc6962.split(n);
        if (m - lo < k) {
            path(m, lo, lo + k, out);
            out.add(Rfc6962.hex(mth(lo + k, hi)));
        } else {
            path(m, lo + k, hi, out);
            out.add(Rfc6962.hex(mth(lo, lo + k)));
        }
    }

    /** SUBPROOF(m, D[lo:hi], b) with m relative to lo. */
    private void subproof(long m, long lo, long hi, boolean whole, List<String> out) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) out.add(Rfc6962.hex(mth(lo, hi)));
            return;
        }
        long k = Rfc6962.split(n);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, out);
            out.add(Rfc6962.hex(mth(lo + k, hi)));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(Rfc6962.hex(mth(lo, lo + k)));
        }
    }
}
