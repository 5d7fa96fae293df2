package org.mandate.deliberation.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: each key (a hashed bearer token, or the client address for anonymous
 * calls) may burst up to {@code capacity} requests and then {@code refillPerSecond} a second. Per
 * instance and in memory: behind a load balancer each instance limits on its own, which bounds abuse
 * without any shared state.
 */
public final class RateLimiter {

    /** Generous enough for a person clicking and for a script syncing a panel; tight enough to stop a flood. */
    public static final int DEFAULT_CAPACITY = 120;
    public static final double DEFAULT_REFILL_PER_SECOND = 20;
    /** Past this many tracked callers, full (idle) buckets are dropped so memory stays bounded. */
    private static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final double refillPerNano;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int capacity, double refillPerSecond, LongSupplier nanoTime) {
        if (capacity < 1 || !(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 1 and a positive, finite refill rate");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.nanoTime = nanoTime;
    }

    public RateLimiter(int capacity, double refillPerSecond) {
        this(capacity, refillPerSecond, System::nanoTime);
    }

    public static RateLimiter defaults() {
        return new RateLimiter(DEFAULT_CAPACITY, DEFAULT_REFILL_PER_SECOND);
    }

    /** Takes one token from the key's bucket; false when it is empty (the caller answers 429). */
    public boolean tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_KEYS) evictIdle(now);
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.updated) * refillPerNano);
            b.updated = now;
            if (b.tokens < 1) return false;
            b.tokens -= 1;
            return true;
        }
    }

    /** Whole seconds until the key's bucket holds a token again (for Retry-After), at least 1. */
    public long secondsUntilToken(String key) {
        Bucket b = buckets.get(key);
        if (b == null) return 1;
        synchronized (b) {
            double missing = Math.max(0, 1 - b.tokens);
            return Math.max(1, (long) Math.ceil(missing / refillPerNano / 1e9));
        }
    }

    private void evictIdle(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updated) * refillPerNano >= capacity;
            }
        });
    }
}
