package org.mandate.training.data;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses one field of a data file, failing with the file name, line number and the offending text. */
final class FieldParser {

    private FieldParser() {}

    /** A non-negative integer id, kept as its canonical decimal text so "007" and "7" are one id. */
    static String id(Path file, long line, String value, String what) {
        return Long.toString(integer(file, line, value, what));
    }

    static long integer(Path file, long line, String value, String what) {
        String v = value.trim();
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new DataFileException(file, line, what + " must be a non-negative integer, got '" + v + "'");
        }
    }

    static double decimal(Path file, long line, String value, String what) {
        String v = value.trim();
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new DataFileException(file, line, what + " must be a number, got '" + v + "'");
        }
    }

    /** Seconds since the epoch, written as such or as an ISO-8601 instant or date (midnight UTC). */
    static long timestamp(Path file, long line, String value) {
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) return integer(file, line, v, "timestamp");
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toEpochSecond() : Instant.parse(v).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new DataFileException(file, line, "timestamp must be epoch seconds or ISO-8601, got '" + v + "'");
        }
    }

    static boolean flag(Path file, long line, String value, String what) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "", "0", "false", "no" -> false;
            case "1", "true", "yes" -> true;
            default -> throw new DataFileException(file, line, what + " must be true/false, 1/0 or yes/no, got '" + value.trim() + "'");
        };
    }
}
