package org.mandate.training.serve;

import org.mandate.objectives.mandate.PersonalWeights;

/** A request whose weights the mandate does not allow; {@link #reason()} has a stable slug for APIs. */
public final class WeightsRefused extends IllegalArgumentException {

    private final PersonalWeights.Reason reason;

    public WeightsRefused(PersonalWeights.Refused refused) {
        super(refused.message());
        this.reason = refused.reason();
    }

    public PersonalWeights.Reason reason() {
        return reason;
    }
}
