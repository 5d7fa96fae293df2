package org.mandate.audit.ledger;

import org.mandate.objectives.tally.TallyRecord;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A panel's tally: the full {@link TallyRecord} (rule, settings, ballots digest, weights) so anyone can
 * recompute it from the published ballots, and the RFC 6962 Merkle root of exactly the ballots it counted
 * ({@link CountedBallots}), so a voter can get a short proof that their ballot is among them.
 * {@link #tallyHash()} is what a mandate's provenance names.
 *
 * <p>Payload: {@code {"ballots_root": hex, "panel": id, "tally": <TallyRecord>, "tally_hash": sha256}};
 * {@code ballots_root} is absent only in entries written before it existed ({@link #TallyComputed(long, TallyRecord)}).
 *
 * @param ballotsRoot MTH of the counted ballots (hex), or null for the older format
 */
public record TallyComputed(long panelId, TallyRecord tally, String ballotsRoot) implements LedgerEvent {

    public static final String KIND = "tally";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public TallyComputed {
        Objects.requireNonNull(tally, "tally");
        if (ballotsRoot != null && !SHA256.matcher(ballotsRoot).matches()) {
            throw new IllegalArgumentException("ballots root must be 64 lower-case hex digits, got " + ballotsRoot);
        }
    }

    /** The older format without a Merkle root of the ballots; new tallies use {@link #of}. */
    public TallyComputed(long panelId, TallyRecord tally) {
        this(panelId, tally, null);
    }

    /**
     * The tally with the Merkle root of the ballots it counted. Refuses ballots that are not exactly the
     * counted ones: another count, or ballots whose digest differs from the record's.
     */
    public static TallyComputed of(long panelId, TallyRecord tally, Collection<BallotCast> counted) {
        CountedBallots ballots = CountedBallots.of(counted);
        if (ballots.ballots().size() != tally.ballotCount()) {
            throw new IllegalArgumentException("the tally counted " + tally.ballotCount() + " ballots, " + ballots.ballots().size() + " were given");
        }
        for (BallotCast b : ballots.ballots()) {
            if (b.panelId() != panelId) throw new IllegalArgumentException("ballot of " + b.voter() + " belongs to panel " + b.panelId() + ", not " + panelId);
        }
        if (tally.ballotsDigest() != null && !tally.ballotsDigest().equals(ballots.digest())) {
            throw new IllegalArgumentException("the given ballots digest to " + ballots.digest() + ", the tally counted " + tally.ballotsDigest());
        }
        return new TallyComputed(panelId, tally, ballots.root());
    }

    @Override public String kind() { return KIND; }

    public String tallyHash() {
        return tally.sha256();
    }

    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("panel", panelId);
        json.put("tally", tally.toJsonValue());
        json.put("tally_hash", tallyHash());
        if (ballotsRoot != null) json.put("ballots_root", ballotsRoot);
        return json;
    }

    static TallyComputed fromJson(Map<String, Object> json) {
        TallyComputed t = new TallyComputed(JsonTrees.integer(json, "panel"), JsonTrees.tallyRecord(JsonTrees.object(json, "tally")),
                JsonTrees.optionalString(json, "ballots_root"));
        String stated = JsonTrees.string(json, "tally_hash");
        if (!stated.equals(t.tallyHash())) {
            throw new IllegalArgumentException("tally of panel " + t.panelId + " states hash " + stated + " but hashes to " + t.tallyHash());
        }
        return t;
    }
}
