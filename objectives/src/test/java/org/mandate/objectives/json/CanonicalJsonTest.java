package org.mandate.objectives.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CanonicalJsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 0",
            "-0.0, 0",
            "1.0, 1",
            "4.50, 4.5",
            "2e-3, 0.002",
            "0.000001, 0.000001",
            "1e-7, 1e-7",
            "123e-20, 1.23e-18",
            "1e20, 100000000000000000000",
            "1e21, 1e+21",
            "1E30, 1e+30",
            "333333333.33333329, 333333333.3333333",
            "9007199254740992, 9007199254740992",
            "5e-324, 5e-324",
            "1.7976931348623157e308, 1.7976931348623157e+308",
            "-1.5, -1.5",
            "0.1, 0.1",
    })
    void numbersFollowEcmaScript(String input, String expected) {
        assertEquals(expected, CanonicalJson.number(Double.parseDouble(input)));
    }

    @Test
    void rfc8785ExampleIsReproduced() {
        String input = """
                {"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                 "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                 "literals": [null, true, false]}""";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, CanonicalJson.write(Json.parse(input)));
    }

    @Test
    void keysSortByUtf16CodeUnits() {
        Map<String, Object> map = Map.of("\u20ac", 1, "\r", 2, "\ufb33", 3, "1", 4, "\ud83d\ude00", 5, "\u0080", 6, "\u00f6", 7);
        assertEquals("{\"\\r\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,\"\ud83d\ude00\":5,\"\ufb33\":3}",
                CanonicalJson.write(map));
    }

    @Test
    void sameValueSameHashWhateverTheInputOrder() {
        String a = CanonicalJson.sha256(Json.parse("{\"b\": [1, 2.0], \"a\": {\"y\": true, \"x\": null}}"));
        String b = CanonicalJson.sha256(Json.parse("{\"a\":{\"x\":null,\"y\":true},\"b\":[1,2]}"));
        assertEquals(a, b);
        assertEquals(64, a.length());
    }

    @Test
    void refusesWhatJsonCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(List.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1} trailing"));
    }
}
