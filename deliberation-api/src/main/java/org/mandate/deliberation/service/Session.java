package org.mandate.deliberation.service;

/** A member who joined, with the bearer token they vote with (shown once; only its hash is stored). */
public record Session(Member member, String token) {}
