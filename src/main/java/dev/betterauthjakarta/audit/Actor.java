package dev.betterauthjakarta.audit;

/**
 * Who did it: the user whose session made the request and, for an impersonation session, the
 * administrator behind it, so that every action taken while impersonating names both. Both are null
 * for the service itself (configuration at start) and the actor is null for an anonymous request (a
 * failed sign-in).
 */
public record Actor(String userId, String impersonatorUserId) {
  public static Actor user(String userId) {
    return new Actor(userId, null);
  }

  public static Actor anonymous() {
    return new Actor(null, null);
  }

  /** The service itself, e.g. naming the first administrator from its configuration. */
  public static Actor system() {
    return new Actor(null, null);
  }
}
