package org.mandate.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line after the subcommand: {@code --name value} options, checked against what the command knows. */
record Args(Map<String, String> options) {

    static Args parse(List<String> words, Set<String> known) {
        return parse(words, known, Set.of());
    }

    /** As {@link #parse(List, Set)}, with {@code flags}: options that take no value and read as "true" when present. */
    static Args parse(List<String> words, Set<String> known, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) throw new UsageException("unexpected argument '" + word + "'");
            String name = word.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && value == null) {
                options.put(name, "true");
                continue;
            }
            if (!known.contains(name)) throw new UsageException("unknown option --" + name + "; this command knows --" + String.join(", --", java.util.stream.Stream.concat(known.stream(), flags.stream()).sorted().toList()));
            if (value == null) {
                if (i + 1 >= words.size()) throw new UsageException("--" + name + " needs a value");
                value = words.get(++i);
            }
            options.put(name, value);
        }
        return new Args(Map.copyOf(options));
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    /** A required option's value. */
    String require(String name) {
        String v = options.get(name);
        if (v == null) throw new UsageException("--" + name + " is required");
        return v;
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int getInt(String name, int fallback) {
        String v = options.get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < 1) throw new UsageException("--" + name + " must be at least 1, got " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    /** A mistake in how the command was called: printed with the usage text, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
