package dev.betterauthjakarta.session;

/** A session just created: the raw token exists only here and in the response. */
public record IssuedSession(String token, SessionView session) {}
