package org.mandate.audit.merkle;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.Fixtures;
import org.mandate.audit.ledger.LedgerEntry;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test data (not code) from the Certificate Transparency reference tests: the eight leaf inputs, the root
 * of every prefix, the inclusion and consistency proofs, as published in transparency-dev/merkle
 * {@code testonly/constants.go} and {@code proof/verify_test.go} (descended from CT's C++ merkle_tree_test
 * and certificate-transparency-go's merkle package).
 */
class MerkleTreeTest {

    static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** ROOTS.get(n) = MTH of the first n leaves. */
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Leaf-level hashes (level 0 of NodeHashes): the leaf hash of each input. */
    static final List<String> LEAF_HASHES = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");

    record Inclusion(long index, long size, List<String> path) {}

    /** The vectors list leaves 1-based; these are 0-based indices. */
    static final List<Inclusion> INCLUSIONS = List.of(
            new Inclusion(0, 1, List.of()),
            new Inclusion(0, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    record Consistency(long oldSize, long newSize, List<String> path) {}

    static final List<Consistency> CONSISTENCIES = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    static final String SOME_HASH = "abacaba000000000000000000000000000000000000000000060061e00123456";

    static MerkleTree ctTree() {
        return MerkleTree.ofData(LEAVES.stream().map(HexFormat.of()::parseHex).toList());
    }

    @Test
    void rootsOfEveryPrefixMatchTheCtVectors() {
        MerkleTree tree = ctTree();
        for (int n = 0; n <= 8; n++) assertEquals(ROOTS.get(n), tree.root(n), "MTH of " + n + " leaves");
        assertEquals(ROOTS.get(0), MerkleTree.ofData(List.of()).root());
        for (int i = 0; i < 8; i++) assertEquals(LEAF_HASHES.get(i), tree.leafHash(i));
    }

    @Test
    void inclusionProofsAreGeneratedAsInTheVectorsAndVerify() {
        MerkleTree tree = ctTree();
        for (Inclusion v : INCLUSIONS) {
            InclusionProof proof = tree.inclusionProof(v.index(), v.size());
            assertEquals(v.path(), proof.path(), "PATH(" + v.index() + ", D[" + v.size() + "])");
            assertTrue(new InclusionProof(v.index(), v.size(), v.path()).verify(LEAF_HASHES.get((int) v.index()), ROOTS.get((int) v.size())));
        }
    }

    @Test
    void corruptedInclusionProofsAreRefused() {
        for (Inclusion v : INCLUSIONS) {
            String leaf = LEAF_HASHES.get((int) v.index());
            String root = ROOTS.get((int) v.size());
            List<InclusionProof> bad = new ArrayList<>(List.of(
                    new InclusionProof(v.index() - 1, v.size(), v.path()),
                    new InclusionProof(v.index() + 1, v.size(), v.path()),
                    new InclusionProof(v.index() ^ 2, v.size(), v.path()),
                    new InclusionProof(v.index(), v.size() * 2, v.path()),
                    new InclusionProof(v.index(), v.size() / 2, v.path()),
                    new InclusionProof(v.index(), v.size(), append(v.path(), root)),
                    new InclusionProof(v.index(), v.size(), prepend(root, v.path()))));
            for (int i = 0; i < v.path().size(); i++) bad.add(new InclusionProof(v.index(), v.size(), flip(v.path(), i)));
            if (!v.path().isEmpty()) bad.add(new InclusionProof(v.index(), v.size(), v.path().subList(0, v.path().size() - 1)));
            for (InclusionProof p : bad) assertFalse(p.verify(leaf, root), () -> "accepted " + p);
            InclusionProof good = new InclusionProof(v.index(), v.size(), v.path());
            assertFalse(good.verify(SOME_HASH, root), "wrong leaf");
            assertFalse(good.verify(leaf, ROOTS.get(0)), "empty root");
            assertFalse(good.verify(leaf, SOME_HASH), "random root");
            assertFalse(good.verify("not hex", root), "malformed leaf");
        }
    }

    @Test
    void consistencyProofsAreGeneratedAsInTheVectorsAndVerify() {
        MerkleTree tree = ctTree();
        for (Consistency v : CONSISTENCIES) {
            ConsistencyProof proof = tree.consistencyProof(v.oldSize(), v.newSize());
            assertEquals(v.path(), proof.path(), "PROOF(" + v.oldSize() + ", D[" + v.newSize() + "])");
            assertTrue(proof.verify(ROOTS.get((int) v.oldSize()), ROOTS.get((int) v.newSize())));
        }
    }

    @Test
    void corruptedConsistencyProofsAreRefused() {
        for (Consistency v : CONSISTENCIES) {
            if (v.path().isEmpty()) continue;
            String r1 = ROOTS.get((int) v.oldSize());
            String r2 = ROOTS.get((int) v.newSize());
            List<ConsistencyProof> bad = new ArrayList<>(List.of(
                    new ConsistencyProof(v.oldSize() - 1, v.newSize(), v.path()),
                    new ConsistencyProof(v.oldSize() + 1, v.newSize(), v.path()),
                    new ConsistencyProof(v.oldSize() ^ 2, v.newSize(), v.path()),
                    new ConsistencyProof(v.oldSize(), v.newSize() * 2, v.path()),
                    new ConsistencyProof(v.oldSize(), v.newSize() / 2, v.path()),
                    new ConsistencyProof(v.oldSize(), v.newSize(), List.of()),
                    new ConsistencyProof(v.oldSize(), v.newSize(), append(v.path(), r1)),
                    new ConsistencyProof(v.oldSize(), v.newSize(), append(v.path(), r2)),
                    new ConsistencyProof(v.oldSize(), v.newSize(), prepend(r1, v.path())),
                    new ConsistencyProof(v.oldSize(), v.newSize(), prepend(r2, v.path())),
                    new ConsistencyProof(v.oldSize(), v.newSize(), prepend(v.path().getFirst(), v.path())),
                    new ConsistencyProof(v.oldSize(), v.newSize(), v.path().subList(0, v.path().size() - 1))));
            for (int i = 0; i < v.path().size(); i++) bad.add(new ConsistencyProof(v.oldSize(), v.newSize(), flip(v.path(), i)));
            for (ConsistencyProof p : bad) assertFalse(p.verify(r1, r2), () -> "accepted " + p);
            ConsistencyProof good = new ConsistencyProof(v.oldSize(), v.newSize(), v.path());
            assertFalse(good.verify(r2, r1), "swapped roots");
            assertFalse(good.verify(SOME_HASH, r2), "wrong old root");
            assertFalse(good.verify(r1, SOME_HASH), "wrong new root");
        }
    }

    @Test
    void trivialConsistencyCasesFollowTheRfc() {
        String a = ROOTS.get(3);
        assertTrue(new ConsistencyProof(0, 0, List.of()).verify(a, a));
        assertTrue(new ConsistencyProof(0, 5, List.of()).verify(ROOTS.get(0), ROOTS.get(5)), "the empty tree is a prefix of any tree");
        assertFalse(new ConsistencyProof(1, 1, List.of()).verify(ROOTS.get(1), ROOTS.get(2)), "same size, different roots");
        assertFalse(new ConsistencyProof(2, 1, List.of()).verify(ROOTS.get(2), ROOTS.get(1)), "time travel to the past");
        assertFalse(new ConsistencyProof(1, 2, List.of()).verify(ROOTS.get(1), ROOTS.get(2)), "empty proof between different sizes");
        assertFalse(new ConsistencyProof(1, 1, List.of(ROOTS.get(0))).verify(ROOTS.get(1), ROOTS.get(1)), "non-empty proof for equal trees");
    }

    /** Beyond the vectors: every proof of every pair of sizes up to 40 leaves verifies against MTH computed directly. */
    @Test
    void everyProofOfEveryTreeSizeUpToFortyVerifies() {
        Random random = new Random(7);
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] d = new byte[random.nextInt(20)];
            random.nextBytes(d);
            data.add(d);
        }
        MerkleTree tree = MerkleTree.ofData(data);
        for (int n = 1; n <= 40; n++) {
            MerkleTree prefix = MerkleTree.ofData(data.subList(0, n));
            assertEquals(prefix.root(), tree.root(n));
            for (int m = 0; m < n; m++) {
                assertTrue(tree.inclusionProof(m, n).verify(tree.leafHash(m), tree.root(n)), "inclusion " + m + " in " + n);
                if (n > 1) {
                    assertFalse(tree.inclusionProof(m, n).verify(tree.leafHash((m + 1) % n), tree.root(n)),
                            "another leaf's hash must not verify at " + m + " in " + n);
                }
            }
            for (int m = 0; m <= n; m++) {
                assertTrue(tree.consistencyProof(m, n).verify(tree.root(m), tree.root(n)), "consistency " + m + " -> " + n);
            }
        }
    }

    @Test
    void aLedgerTreeHasOneLeafPerPublishedLineAndProvesEachEntry() {
        List<LedgerEntry> entries = Fixtures.ledger().entries();
        MerkleTree tree = MerkleTree.ofLedger(entries);
        assertEquals(entries.size(), tree.size());
        for (LedgerEntry e : entries) {
            assertEquals(tree.leafHash((int) e.seq()), MerkleTree.leafHash(e));
            assertTrue(tree.inclusionProof(e.seq(), entries.size()).verify(MerkleTree.leafHash(e), tree.root()));
        }
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(entries.size(), entries.size()));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(3, entries.size() + 1));
    }

    @Test
    void proofsRoundTripThroughTheirJsonForm() {
        MerkleTree tree = ctTree();
        InclusionProof inclusion = tree.inclusionProof(5, 8);
        InclusionProof back = InclusionProof.parse(inclusion.canonicalJson());
        assertEquals(inclusion, back);
        assertTrue(back.verify(LEAF_HASHES.get(5), ROOTS.get(8)));
        ConsistencyProof consistency = tree.consistencyProof(6, 8);
        assertEquals(consistency, ConsistencyProof.parse(consistency.canonicalJson()));
        assertThrows(IllegalArgumentException.class, () -> InclusionProof.parse("{\"leaf_index\":1,\"tree_size\":2}"));
        assertThrows(IllegalArgumentException.class, () -> ConsistencyProof.parse("{\"new_size\":2,\"old_size\":1,\"path\":[],\"x\":0}"));
    }

    static List<String> append(List<String> path, String h) {
        List<String> out = new ArrayList<>(path);
        out.add(h);
        return out;
    }

    static List<String> prepend(String h, List<String> path) {
        List<String> out = new ArrayList<>(List.of(h));
        out.addAll(path);
        return out;
    }

    static List<String> flip(List<String> path, int i) {
        List<String> out = new ArrayList<>(path);
        byte[] b = HexFormat.of().parseHex(out.get(i));
        b[0] ^= 8;
        out.set(i, HexFormat.of().formatHex(b));
        return out;
    }
}
