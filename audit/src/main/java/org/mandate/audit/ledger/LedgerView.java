package org.mandate.audit.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The typed reading of a ledger that a report needs: ballots of every kind, vote settings, sweeps, the
 * latest tally with its details and mandate, runs and evaluations. Kinds this module does not model are skipped;
 * a modelled entry that does not parse is an error, never silently dropped.
 */
public record LedgerView(List<Typed<?>> events) {

    /** An event with the entry that carried it, so a report can cite its seq and hash. */
    public record Typed<E extends LedgerEvent>(LedgerEntry entry, E event) {}

    public LedgerView {
        events = List.copyOf(events);
    }

    public static LedgerView of(List<LedgerEntry> entries) {
        List<Typed<?>> events = new ArrayList<>();
        for (LedgerEntry e : entries) {
            if (LedgerEvent.isModelled(e.kind())) events.add(new Typed<>(e, LedgerEvent.parse(e)));
        }
        return new LedgerView(events);
    }

    @SuppressWarnings("unchecked")
    public <E extends LedgerEvent> List<Typed<E>> all(Class<E> type) {
        List<Typed<E>> out = new ArrayList<>();
        for (Typed<?> t : events) if (type.isInstance(t.event())) out.add((Typed<E>) t);
        return out;
    }

    public <E extends LedgerEvent> Optional<Typed<E>> last(Class<E> type) {
        List<Typed<E>> all = all(type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Ballot entries of a panel, of every kind, every version included. */
    public long ballotVersions(long panelId) {
        return all(BallotEntry.class).stream().filter(t -> t.event().panelId() == panelId).count();
    }

    /**
     * Distinct voters with at least one ballot of any kind on a panel: the turnout numerator. A member who
     * only ranked proposals, compared slates or voted on rules has voted.
     */
    public long voters(long panelId) {
        return all(BallotEntry.class).stream().filter(t -> t.event().panelId() == panelId).map(t -> t.event().voter()).distinct().count();
    }

    /** The panel's vote settings, if the record fixed any (a panel without them votes weights only). */
    public Optional<Typed<VoteSettingsFixed>> voteSettings(long panelId) {
        return all(VoteSettingsFixed.class).stream().filter(t -> t.event().panelId() == panelId).reduce((a, b) -> b);
    }

    /** The details of the panel's latest tally, if it wrote any. */
    public Optional<Typed<TallyDetails>> lastTallyDetails(long panelId) {
        return all(TallyDetails.class).stream().filter(t -> t.event().panelId() == panelId).reduce((a, b) -> b);
    }

    /** Every sweep uploaded for the panel, in record order. */
    public List<Typed<SweepPublished>> sweeps(long panelId) {
        return all(SweepPublished.class).stream().filter(t -> t.event().panelId() == panelId).toList();
    }

    public Optional<Typed<TallyComputed>> lastTally(long panelId) {
        return all(TallyComputed.class).stream().filter(t -> t.event().panelId() == panelId).reduce((a, b) -> b);
    }

    public Optional<Typed<MandatePublished>> lastMandate(long panelId) {
        return all(MandatePublished.class).stream().filter(t -> t.event().panelId() == panelId).reduce((a, b) -> b);
    }
}
