package org.mandate.deliberation.opinion;

/**
 * A statement that sets a group apart: the group {@code agrees} (or disagrees) with it more than the
 * rest of the panel. {@code probability} is the group's smoothed share of that stance,
 * (n + 1) / (seen + 2); {@code ratio} the same share inside the group over outside; {@code repness}
 * their product, pol.is's ranking of representativeness.
 */
public record RepresentativeStatement(long statementId, boolean agrees, double probability, double ratio, double repness) {}
