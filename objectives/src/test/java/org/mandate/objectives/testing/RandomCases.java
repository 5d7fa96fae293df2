package org.mandate.objectives.testing;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Seeded random cases for property tests in plain JUnit: no shrinking, but every run draws the same cases and a
 * failure names the one case seed that reproduces it.
 *
 * <p>{@link #forAll} runs a property on {@code tries} cases. Each case is a function of its seed alone: the named
 * integer parameters come from {@link Case#intIn} and the data from {@link Case#random()}. Parameters land on their
 * bounds more often than uniformly, and case 0 (1) puts every parameter at its lower (upper) bound. The case seeds
 * come from a master seed mixed with the property's name; {@code -Dmandate.cases.seed=<long>} draws another set.
 * To rerun a failing case alone, pass {@code -Dmandate.cases.replay=<case seed>} (with {@code -Dtest=Class#method}).
 *
 * <p>On failure the {@link AssertionError} names the property, the case, its seed, every parameter and every input
 * registered with {@link Case#input}, then the original message (kept as the cause).
 */
public final class RandomCases {

    private static final long DEFAULT_MASTER_SEED = 0x4D616E64617465L; // "Mandate"
    private static final int MODES = 32; // the case seed modulo MODES: 0 all lower bounds, 1 all upper bounds, else random

    private RandomCases() {}

    /** One property check; it reads its parameters and data from the case. */
    @FunctionalInterface
    public interface Property {
        void check(Case c) throws Exception;
    }

    /** Checks {@code property} on {@code tries} seeded cases and fails on the first case that fails. */
    public static void forAll(String name, int tries, Property property) {
        if (tries < 1) throw new IllegalArgumentException("tries must be positive");
        String replay = System.getProperty("mandate.cases.replay");
        if (replay != null && !replay.isBlank()) {
            run(name, "replay", Long.parseLong(replay.trim()), property);
            return;
        }
        long master = Long.getLong("mandate.cases.seed", DEFAULT_MASTER_SEED);
        SplittableRandom seeds = new SplittableRandom(master ^ mix(name.hashCode()));
        for (int i = 0; i < tries; i++) {
            long seed = seeds.nextLong();
            if (i < 2) seed = seed - Math.floorMod(seed, MODES) + i; // the two corner cases
            run(name, (i + 1) + "/" + tries, seed, property);
        }
    }

    private static void run(String name, String label, long seed, Property property) {
        Case c = new Case(seed);
        try {
            property.check(c);
        } catch (AssertionError | Exception e) {
            throw new AssertionError(name + " failed on case " + label + ": " + c.describe() + "\n  " + e, e);
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** One random case: a seed, the parameters drawn from it so far, and the inputs registered for the report. */
    public static final class Case {
        private final long seed;
        private final int mode;
        private final SplittableRandom parameters;
        private Random random;
        private final Map<String, Object> shown = new LinkedHashMap<>();

        Case(long seed) {
            this.seed = seed;
            this.mode = Math.floorMod(seed, MODES);
            this.parameters = new SplittableRandom(seed);
        }

        public long seed() {
            return seed;
        }

        /** The case's data source, {@code new Random(seed())}, shared by every call in this case. */
        public Random random() {
            if (random == null) random = new Random(seed);
            return random;
        }

        /** A named integer parameter in {@code [min, max]}: a bound with probability 1/5, otherwise uniform. */
        public int intIn(String name, int min, int max) {
            if (min > max) throw new IllegalArgumentException(name + ": empty range");
            int value;
            if (mode == 0) value = min;
            else if (mode == 1) value = max;
            else {
                int u = parameters.nextInt(10);
                value = u == 0 ? min : u == 1 ? max : parameters.nextInt(min, max + 1);
            }
            shown.put(name, value);
            return value;
        }

        /** Registers an input so a failure prints it; returns it unchanged. */
        public <T> T input(String name, T value) {
            shown.put(name, value);
            return value;
        }

        String describe() {
            StringBuilder s = new StringBuilder("seed=").append(seed).append('L');
            shown.forEach((k, v) -> s.append(", ").append(k).append('=').append(show(v)));
            return s.toString();
        }

        private static String show(Object v) {
            return switch (v) {
                case null -> "null";
                case double[] a -> Arrays.toString(a);
                case long[] a -> Arrays.toString(a);
                case int[] a -> Arrays.toString(a);
                case boolean[] a -> Arrays.toString(a);
                case Object[] a -> Arrays.stream(a).map(Case::show).collect(Collectors.joining(", ", "[", "]"));
                case Collection<?> c -> c.stream().map(Case::show).collect(Collectors.joining(", ", "[", "]"));
                default -> String.valueOf(v);
            };
        }
    }
}
