package org.mandate.deliberation.ledger;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.ChainVerification;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.deliberation.EmbeddedDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Someone with superuser access to the database rewrites history; verification must notice. */
class TamperTest extends EmbeddedDatabase {

    @Test
    void flippingOneStoredByteIsDetectedAndTheEntryNamed() {
        LedgerStore ledger = new LedgerStore(jdbi);
        for (int i = 0; i < 10; i++) ledger.append("ballot", "{\"voter\":\"v-" + i + "\",\"weights\":{\"relevance\":1}}");
        assertTrue(ledger.verify().ok());
        LedgerEntry victim = ledger.entries().get(6);

        jdbi.useHandle(h -> {
            h.execute("ALTER TABLE ledger DISABLE TRIGGER ALL");
            // flip one bit of one byte: '6' (0x36) becomes '7' (0x37)
            h.execute("UPDATE ledger SET payload = overlay(payload placing chr(ascii(substr(payload, 15, 1)) # 1) from 15 for 1) WHERE seq = ?", victim.seq());
            h.execute("ALTER TABLE ledger ENABLE TRIGGER ALL");
        });
        String tampered = ledger.entries().get(6).payload();
        assertEquals(victim.payload().length(), tampered.length());
        assertEquals(1, java.util.stream.IntStream.range(0, tampered.length()).filter(i -> tampered.charAt(i) != victim.payload().charAt(i)).count());

        ChainVerification v = ledger.verify();
        assertFalse(v.ok());
        assertEquals(6, v.firstBadSeq());
        assertTrue(v.reason().contains("entry 6"), v.reason());
    }
}
