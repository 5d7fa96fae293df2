package org.mandate.audit.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class HashChainTest {

    private final List<LedgerEntry> chain = Fixtures.ledger().entries();

    @Test
    void intactChainVerifiesAndReportsItsHead() {
        ChainVerification v = HashChain.verify(chain);
        assertTrue(v.ok(), v.reason());
        assertEquals(chain.size(), v.entries());
        assertEquals(chain.getLast().hash(), v.head());
        assertEquals(-1, v.firstBadSeq());
        assertEquals(HashChain.GENESIS, chain.getFirst().prevHash());
    }

    @Test
    void emptyChainIsIntactWithGenesisHead() {
        ChainVerification v = HashChain.verify(List.of());
        assertTrue(v.ok());
        assertEquals(0, v.entries());
    }

    @Test
    void everyEntryIsLinkedToThePreviousHash() {
        for (int i = 1; i < chain.size(); i++) assertEquals(chain.get(i - 1).hash(), chain.get(i).prevHash());
        assertEquals(chain.size(), chain.stream().map(LedgerEntry::hash).distinct().count());
    }

    @Test
    void flippingAnyBitOfAnyFieldIsDetectedAtThatEntry() {
        Random random = new Random(20261123);
        String[] fields = {"payload", "kind", "hash", "prevHash"};
        for (int trial = 0; trial < 2000; trial++) {
            int i = random.nextInt(chain.size());
            String field = fields[random.nextInt(fields.length)];
            LedgerEntry e = chain.get(i);
            LedgerEntry bad = switch (field) {
                case "payload" -> new LedgerEntry(e.seq(), e.kind(), flip(e.payload(), random), e.prevHash(), e.hash());
                case "kind" -> new LedgerEntry(e.seq(), flip(e.kind(), random), e.payload(), e.prevHash(), e.hash());
                case "hash" -> new LedgerEntry(e.seq(), e.kind(), e.payload(), e.prevHash(), flip(e.hash(), random));
                default -> new LedgerEntry(e.seq(), e.kind(), e.payload(), flip(e.prevHash(), random), e.hash());
            };
            List<LedgerEntry> tampered = new ArrayList<>(chain);
            tampered.set(i, bad);
            ChainVerification v = HashChain.verify(tampered);
            assertFalse(v.ok(), () -> "flip in " + field + " of entry " + i + " went unnoticed");
            assertEquals(i, v.firstBadSeq(), () -> "flip in " + field + " of entry " + i + " blamed on " + v.firstBadSeq() + ": " + v.reason());
            assertTrue(v.reason().contains(String.valueOf(i)), v.reason());
        }
    }

    @Test
    void changingASeqIsDetected() {
        LedgerEntry e = chain.get(3);
        List<LedgerEntry> tampered = new ArrayList<>(chain);
        tampered.set(3, new LedgerEntry(9, e.kind(), e.payload(), e.prevHash(), e.hash()));
        ChainVerification v = HashChain.verify(tampered);
        assertFalse(v.ok());
        assertEquals(3, v.firstBadSeq());
    }

    @Test
    void removingAnEntryIsDetectedWhereTheGapIs() {
        for (int i = 0; i < chain.size() - 1; i++) {
            List<LedgerEntry> cut = new ArrayList<>(chain);
            cut.remove(i);
            ChainVerification v = HashChain.verify(cut);
            assertFalse(v.ok(), "removal of entry " + i);
            assertEquals(i, v.firstBadSeq());
        }
    }

    @Test
    void truncationIsCaughtByComparingWithThePublishedHead() {
        // Dropping the tail leaves a valid shorter chain: the published head hash is what exposes it.
        ChainVerification v = HashChain.verify(chain.subList(0, chain.size() - 1));
        assertTrue(v.ok());
        assertNotEquals(HashChain.verify(chain).head(), v.head());
    }

    @Test
    void reorderingEntriesIsDetected() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int a = random.nextInt(chain.size()), b = random.nextInt(chain.size());
            if (a == b) continue;
            List<LedgerEntry> swapped = new ArrayList<>(chain);
            Collections.swap(swapped, a, b);
            ChainVerification v = HashChain.verify(swapped);
            assertFalse(v.ok());
            assertEquals(Math.min(a, b), v.firstBadSeq());
        }
    }

    @Test
    void rebuildingTheChainWithRenumberedSeqsStillBreaksTheLinks() {
        // A forger who removes entry 2 and renumbers the rest must recompute every later hash.
        List<LedgerEntry> forged = new ArrayList<>(chain.subList(0, 2));
        for (int i = 3; i < chain.size(); i++) {
            LedgerEntry e = chain.get(i);
            forged.add(new LedgerEntry(i - 1, e.kind(), e.payload(), e.prevHash(), e.hash()));
        }
        ChainVerification v = HashChain.verify(forged);
        assertFalse(v.ok());
        assertEquals(2, v.firstBadSeq());
    }

    @Test
    void hashIsDomainSeparatedAndCoversEveryField() {
        String h = HashChain.hash(0, "ballot", HashChain.GENESIS, "{}");
        assertNotEquals(h, HashChain.hash(1, "ballot", HashChain.GENESIS, "{}"));
        assertNotEquals(h, HashChain.hash(0, "tally", HashChain.GENESIS, "{}"));
        assertNotEquals(h, HashChain.hash(0, "ballot", "1".repeat(64), "{}"));
        assertNotEquals(h, HashChain.hash(0, "ballot", HashChain.GENESIS, "{ }"));
        assertNotEquals(h, org.mandate.objectives.json.CanonicalJson.sha256Hex("{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(64, h.length());
    }

    /** Flips one random bit of one random UTF-8 byte; the decoded string always differs. */
    private static String flip(String s, Random random) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(bytes.length);
        bytes[at] ^= (byte) (1 << random.nextInt(8));
        String out = new String(bytes, StandardCharsets.UTF_8);
        assertNotEquals(s, out);
        return out;
    }
}
