package org.mandate.deliberation.opinion;

/**
 * A statement that sets a group apart: the group {@code agrees} (or disagrees) with it more than the
 * rest of the panel. {@code probability} is the group's smoothed share of that stance,
 * (n + 1) / (seen + 2); {@code ratio} the same share inside the group over outside; {@code repness}
 * their product, pol.is's ranking of representativeness. {@code count} of the group's {@code seen} votes on
 * the statement took that stance: what people are shown, since a smoothed share of a small group
 * ("75 %" for 2 of 2) would mislead.
 */
public record RepresentativeStatement(long statementId, boolean agrees, double probability, double ratio, double repness,
                                      int count, int seen) {}
