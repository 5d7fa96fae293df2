package org.mandate.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The two hash functions of an RFC 6962 / RFC 9162 §2.1.1 Merkle tree over SHA-256. The distinct prefixes
 * (0x00 for a leaf, 0x01 for an interior node) make a leaf impossible to pass off as a node, which is what
 * stops second-preimage tricks on proofs.
 */
public final class Rfc6962 {

    /** MTH({}) = SHA-256 of the empty string. */
    /** Compiled once: proof checks test every hash they read, hundreds of thousands per bundle. */
    private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    public static final String EMPTY_ROOT = hex(sha256(new byte[0]));

    private Rfc6962() {}

    /** SHA-256(0x00 || data). */
    public static byte[] leafHash(byte[] data) {
        byte[] in = new byte[data.length + 1];
        in[0] = 0x00;
        System.arraycopy(data, 0, in, 1, data.length);
        return sha256(in);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        byte[] in = new byte[1 + left.length + right.length];
        in[0] = 0x01;
        System.arraycopy(left, 0, in, 1, left.length);
        System.arraycopy(right, 0, in, 1 + left.length, right.length);
        return sha256(in);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Decodes a 32-byte hash written as 64 lower-case hex digits; anything else is refused, never padded. */
    static byte[] unhex(String hash) {
        if (hash == null || !SHA256_HEX.matcher(hash).matches()) throw new IllegalArgumentException("a SHA-256 hash is 64 lower-case hex digits, got " + hash);
        return HexFormat.of().parseHex(hash);
    }

    /** The largest power of two strictly smaller than n (n ≥ 2): the split point k of RFC 9162 §2.1.1. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
