package org.mandate.deliberation.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrataCsvTest {

    @Test
    void readsStrataCountsQuotesAndLineEndings() {
        StrataCsv csv = StrataCsv.parse("\uFEFFRegion,age_band,count\r\nNorth,18-34,3\r\n\r\n\"Saint-Denis, 93\",\"35-\"\"64\"\"\",2\nSouth,65+,1\n");
        assertEquals(List.of("region", "age_band"), csv.columns());
        assertEquals(3, csv.rows().size());
        assertEquals(6, csv.invitations());
        assertEquals(Map.of("region", "Saint-Denis, 93", "age_band", "35-\"64\""), csv.rows().get(1).attributes());
        assertEquals(4, csv.rows().get(1).line(), "the blank line still counts");
        assertEquals(1, StrataCsv.parse("region\nEast").invitations(), "count is optional");
        Refused multiline = assertThrows(Refused.class, () -> StrataCsv.parse("region,note\nA,ok\nB,\"two\nlines\"\n"));
        assertTrue(multiline.getMessage().startsWith("strata file, line 3: the value of note cannot be stored"), multiline.getMessage());
        Refused after = assertThrows(Refused.class, () -> StrataCsv.parse("region,note\n\"A\",\"x\"\"y\"\nB\n"));
        assertTrue(after.getMessage().startsWith("strata file, line 3: "), after.getMessage());
    }

    @Test
    void everyMalformedFileIsRefusedWithItsLine() {
        Object[][] cases = {
                {"", 1}, {"\n\n", 1}, {"region,age_band\n", 1}, {"count\n3\n", 1}, {"region,region\nA,B\n", 1},
                {"Region Name\nA\n", 1}, {"region,count\nNorth,3\nSouth\n", 3}, {"region,count\nNorth,0\n", 2},
                {"region,count\nNorth,-1\n", 2}, {"region,count\nNorth,2.5\n", 2}, {"region,count\nNorth,10001\n", 2},
                {"region,count\nNorth,6000\nSouth,6000\n", 3}, {"region\n\"open\n", 2}, {"region\nab\"c\n", 2},
                {"region\n\"a\"b\n", 2}, {"region\n\n\n ,\n", 4}, {"region,age\nA,\n", 2}, {"region\n" + "x".repeat(101) + "\n", 2},
                {"region\nnul\u0000\n", 2}, {"region\nA\rB\n", 2}, {"region,age\nA,B,C\n", 2},
                {"a,b,c,d,e,f,g,h,i,j,k\n1,2,3,4,5,6,7,8,9,10,11\n", 1},
        };
        for (Object[] c : cases) {
            Refused e = assertThrows(Refused.class, () -> StrataCsv.parse((String) c[0]), () -> "accepted: " + c[0]);
            assertEquals(Refused.Kind.INVALID_STRATA, e.kind());
            assertTrue(e.getMessage().startsWith("strata file, line " + c[1] + ": "), () -> c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void seededRandomBytesNeverEscapeAsAnythingButARefusal() {
        Random random = new Random(5);
        String alphabet = "ab,\"\r\n 1-\u00e9;count";
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            try {
                StrataCsv csv = StrataCsv.parse(s.toString());
                assertTrue(csv.invitations() >= 1 && !csv.columns().isEmpty());
                csv.rows().forEach(r -> r.attributes().values().forEach(v -> assertTrue(!v.isBlank() && v.length() <= 100)));
            } catch (Refused e) {
                assertEquals(Refused.Kind.INVALID_STRATA, e.kind(), e.getMessage());
                assertTrue(e.getMessage().matches("(?s)strata file, line \\d+: .+"), e.getMessage());
            }
        }
    }
}
