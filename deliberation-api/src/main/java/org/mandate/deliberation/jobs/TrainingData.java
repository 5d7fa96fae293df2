package org.mandate.deliberation.jobs;

import org.mandate.training.data.InteractionData;
import org.mandate.training.data.TimedInteractions;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the server's training runs read. Timed interactions (a real export) let a mandate's interaction-age limit be
 * applied; interactions without timestamps (the synthetic generator) cannot honour one, so a run under such a
 * mandate fails instead of training on interactions of every age.
 */
public sealed interface TrainingData {

    /** Every interaction, before any data-use rule, users 0..U-1 (the user index the recommendation API takes). */
    InteractionData all();

    /** The fields the loader read, checked against the fields a mandate forbids. */
    List<String> fieldsRead();

    /** One line for logs and error messages. */
    String describe();

    /**
     * Interactions with timestamps.
     *
     * @param reference the instant interaction ages are measured from; fixed with the data, so a resumed or repeated
     *                  run reads exactly the same interactions as the first
     */
    record Timed(TimedInteractions interactions, Instant reference) implements TrainingData {

        public Timed {
            Objects.requireNonNull(interactions, "interactions");
            Objects.requireNonNull(reference, "reference");
        }

        /**
         * Ages measured from the newest interaction, as {@code mandate train} measures them: an export has no
         * trustworthy "today" of its own, and the wall clock would make every restart see other data.
         */
        public static Timed asOfNewest(TimedInteractions interactions) {
            Instant reference = interactions.data().interactionCount() == 0 ? Instant.EPOCH : Instant.ofEpochSecond(interactions.newestTimestamp());
            return new Timed(interactions, reference);
        }

        @Override
        public InteractionData all() {
            return interactions.data();
        }

        @Override
        public List<String> fieldsRead() {
            return interactions.fieldsRead();
        }

        @Override
        public String describe() {
            return interactions.data().interactionCount() + " timed interactions, ages measured from " + reference;
        }
    }

    /** Interactions without timestamps; {@code fieldsRead} is everything the source holds (it cannot withhold any). */
    record Untimed(InteractionData data, List<String> fieldsRead) implements TrainingData {

        public Untimed {
            Objects.requireNonNull(data, "data");
            fieldsRead = List.copyOf(fieldsRead);
        }

        @Override
        public InteractionData all() {
            return data;
        }

        @Override
        public String describe() {
            return data.interactionCount() + " interactions without timestamps";
        }
    }
}
