package org.mandate.deliberation.opinion;

import java.util.List;

/** One opinion group: its members (voter ids) and the statements that represent it, best first. */
public record OpinionGroup(int id, List<String> members, List<RepresentativeStatement> representatives) {

    public OpinionGroup {
        members = List.copyOf(members);
        representatives = List.copyOf(representatives);
    }
}
