package org.mandate.deliberation.opinion;

import java.util.List;

/**
 * Who voted what on which statement: one row per participant, one column per statement, agree = +1,
 * disagree = −1, pass = 0, and {@link Double#NaN} where the participant has not seen (not voted on) the
 * statement. Unseen is kept apart from pass because the analysis treats them differently.
 */
public record VoteMatrix(List<String> participants, List<Long> statements, double[][] votes) {

    public VoteMatrix {
        participants = List.copyOf(participants);
        statements = List.copyOf(statements);
        if (votes.length != participants.size()) throw new IllegalArgumentException("one row of votes per participant");
        double[][] copy = new double[votes.length][];
        for (int i = 0; i < votes.length; i++) {
            if (votes[i].length != statements.size()) throw new IllegalArgumentException("one column of votes per statement");
            for (double v : votes[i]) {
                if (!Double.isNaN(v) && v != 1 && v != -1 && v != 0) throw new IllegalArgumentException("votes are +1, -1, 0 or NaN (unseen), got " + v);
            }
            copy[i] = votes[i].clone();
        }
        votes = copy;
    }

    public int rows() {
        return participants.size();
    }

    public int columns() {
        return statements.size();
    }

    public boolean seen(int row, int column) {
        return !Double.isNaN(votes[row][column]);
    }

    public double vote(int row, int column) {
        return votes[row][column];
    }
}
