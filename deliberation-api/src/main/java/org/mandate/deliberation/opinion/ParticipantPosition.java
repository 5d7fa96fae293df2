package org.mandate.deliberation.opinion;

/** Where a participant sits on the opinion map (the first two principal components) and their group. */
public record ParticipantPosition(String voterId, double x, double y, int group) {}
