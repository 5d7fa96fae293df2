package org.mandate.deliberation.service;

/** A new panel and the bearer token of its organiser (shown once; only its hash is stored). */
public record CreatedPanel(Panel panel, Member organiser, String organiserToken) {}
