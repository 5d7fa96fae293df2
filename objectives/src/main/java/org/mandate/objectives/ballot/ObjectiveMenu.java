package org.mandate.objectives.ballot;

import org.mandate.objectives.catalogue.Catalogue;

import java.util.List;

import static org.mandate.objectives.ballot.BallotRejected.Reason.EMPTY;
import static org.mandate.objectives.ballot.BallotRejected.Reason.UNKNOWN_OBJECTIVE;

/** The objectives a panel votes on: a non-empty, duplicate-free subset of the catalogue, in catalogue order. */
public record ObjectiveMenu(List<String> objectives) {

    public ObjectiveMenu {
        if (objectives == null || objectives.isEmpty()) throw new IllegalArgumentException("a menu needs at least one objective");
        for (String id : objectives) Catalogue.get(id);
        if (objectives.stream().distinct().count() != objectives.size()) {
            throw new IllegalArgumentException("the menu lists an objective twice: " + objectives);
        }
        objectives = Catalogue.all().stream().map(o -> o.id()).filter(objectives::contains).toList();
    }

    public static ObjectiveMenu of(String... ids) {
        return new ObjectiveMenu(List.of(ids));
    }

    /** Rejects a ballot that names an objective outside this menu; the ballot itself checks its numbers. */
    public WeightBallot admit(WeightBallot ballot) {
        for (String id : ballot.weights().keySet()) {
            if (!objectives.contains(id)) {
                throw new BallotRejected(UNKNOWN_OBJECTIVE, "'" + id + "' is not on this panel's menu: " + String.join(", ", objectives));
            }
        }
        if (ballot.weights().values().stream().allMatch(w -> w == 0)) throw new BallotRejected(EMPTY, "a ballot needs a positive weight");
        return ballot;
    }

    /** The ballot's weights as a vector in menu order. */
    public double[] vector(WeightBallot ballot) {
        double[] v = new double[objectives.size()];
        for (int j = 0; j < v.length; j++) v[j] = ballot.weight(objectives.get(j));
        return v;
    }

    public int size() {
        return objectives.size();
    }
}
