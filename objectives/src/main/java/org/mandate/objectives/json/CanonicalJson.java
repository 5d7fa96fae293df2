package org.mandate.objectives.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the RFC 8785 (JCS) canonical form of a JSON value built from {@link Map}, {@link List},
 * {@link String}, {@link Number}, {@link Boolean} and {@code null}. Keys are sorted by UTF-16 code
 * units and numbers use the ECMAScript shortest form, so two parties that agree on a value agree on
 * its bytes and on its SHA-256 identity — without trusting the same JSON library.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256 of the canonical bytes. */
    public static String sha256(Object value) {
        return sha256Hex(bytes(value));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> appendString(out, s);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> appendNumber(out, l.doubleValue(), l);
            case Number n -> appendNumber(out, n.doubleValue(), null);
            case Map<?, ?> map -> appendObject(out, map);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) out.append(',');
                    append(out, list.get(i));
                }
                out.append(']');
            }
            case JsonValue v -> append(out, v.toJsonValue());
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map) {
        // RFC 8785 sorts by UTF-16 code units, which is exactly String.compareTo.
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings: " + e.getKey());
            }
            sorted.put(key, e.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) out.append(',');
            first = false;
            appendString(out, e.getKey());
            out.append(':');
            append(out, e.getValue());
        }
        out.append('}');
    }

    private static void appendNumber(StringBuilder out, double d, Long exact) {
        if (exact != null && Math.abs(exact) > (1L << 53)) {
            throw new IllegalArgumentException("integer " + exact + " is outside the range JSON numbers keep exactly");
        }
        out.append(number(d));
    }

    /** ECMAScript Number.prototype.toString for a finite double, as RFC 8785 section 3.2.2.3 requires. */
    public static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("NaN and infinities have no JSON form");
        }
        if (d == 0) return "0";
        String sign = d < 0 ? "-" : "";
        // Double.toString yields the shortest round-trip digits (JDK 19+), as ECMAScript requires.
        BigDecimal dec = shortest(Math.abs(d));
        String digits = dec.unscaledValue().toString();
        int k = digits.length();
        int n = k - dec.scale(); // value = 0.digits × 10^n
        StringBuilder s = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            s.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            s.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            s.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            s.append(digits.charAt(0));
            if (k > 1) s.append('.').append(digits, 1, k);
            int e = n - 1;
            s.append('e').append(e < 0 ? "-" : "+").append(Math.abs(e));
        }
        return s.toString();
    }

    /**
     * The shortest decimal that reads back as {@code d}. Double.toString is shortest except that it
     * always prints two significant digits (4.9E-324 where ECMAScript prints 5e-324), so try one digit.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal dec = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (dec.precision() == 2) {
            BigDecimal best = null;
            for (java.math.RoundingMode mode : new java.math.RoundingMode[]{java.math.RoundingMode.HALF_EVEN,
                    java.math.RoundingMode.FLOOR, java.math.RoundingMode.CEILING}) {
                BigDecimal one = dec.round(new java.math.MathContext(1, mode));
                if (Double.parseDouble(one.toString()) == d) {
                    best = one;
                    break;
                }
            }
            if (best != null) return best.stripTrailingZeros();
        }
        return dec;
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
