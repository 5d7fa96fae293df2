package org.mandate.deliberation.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void aBucketBurstsToCapacityThenRefillsAtItsRate() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(3, 2, now::get);
        assertTrue(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"), "the burst is spent");
        assertTrue(limiter.tryAcquire("b"), "each caller has its own bucket");
        assertEquals(1, limiter.secondsUntilToken("a"));
        now.addAndGet(400_000_000L); // 0.4 s at 2 per second: 0.8 tokens, not yet one
        assertFalse(limiter.tryAcquire("a"));
        now.addAndGet(100_000_000L); // 0.5 s in total since the last refill: one token
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        now.addAndGet(60_000_000_000L); // a long pause refills to capacity, not beyond
        for (int i = 0; i < 3; i++) assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, Double.NaN));
    }
}
