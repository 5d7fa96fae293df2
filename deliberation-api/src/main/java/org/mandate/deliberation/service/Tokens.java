package org.mandate.deliberation.service;

import org.mandate.objectives.json.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

/** Secrets and pseudonyms: random bearer and invitation tokens, their stored hashes, voter ids. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the database stores instead of a token: a leaked table hands out no seat or session. */
    static String hash(String token) {
        return CanonicalJson.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** A pseudonymous voter id: random, so it says nothing about who holds it or when they joined. */
    static String newVoterId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "v-" + HexFormat.of().formatHex(bytes);
    }

    /** Now, at the millisecond precision that survives PostgreSQL and JSON unchanged. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
