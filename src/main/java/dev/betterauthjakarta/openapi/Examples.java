package dev.betterauthjakarta.openapi;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Example request bodies for the document: a request record's components that a client commonly
 * sends, with plausible values chosen by name (an email looks like an email, a callbackURL like a
 * path on the service). Components it has no value for are left out.
 */
final class Examples {
  private static final Map<String, Object> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("name", "Ada Lovelace");
    BY_NAME.put("email", "ada@example.com");
    BY_NAME.put("newEmail", "ada.king@example.com");
    BY_NAME.put("password", "correct horse battery staple");
    BY_NAME.put("currentPassword", "correct horse battery staple");
    BY_NAME.put("newPassword", "a new long passphrase");
    BY_NAME.put("username", "ada_lovelace");
    BY_NAME.put("rememberMe", true);
    BY_NAME.put("callbackURL", "/dashboard");
    BY_NAME.put("redirectTo", "/reset-password");
    BY_NAME.put("provider", "github");
    BY_NAME.put("providerId", "github");
    BY_NAME.put("token", "8cJ3kq0W7ZfTn2YxV5bR1mLpA9sD4hGe");
    BY_NAME.put("code", "123456");
    BY_NAME.put("userId", "Xq1bF0f3o4WQ8Jm2T6kL9pRz");
    BY_NAME.put("role", "admin");
    BY_NAME.put("revokeOtherSessions", true);
    BY_NAME.put("trustDevice", true);
    BY_NAME.put("exchangeCode", "Qm9ZkH2v8LwT4sN1");
    BY_NAME.put("exchangeSecret", "b7Yc1pX0mE5rK9aV");
    BY_NAME.put("sessionToken", "8cJ3kq0W7ZfTn2YxV5bR1mLpA9sD4hGe");
    BY_NAME.put("banReason", "Spamming");
    BY_NAME.put("banExpiresIn", 86400);
  }

  private Examples() {}

  /**
   * An example of a request record as JSON (a map of component names to values).
   *
   * @param record a record class
   * @return the components with a known example value, in the record's order; empty for none
   */
  static Map<String, Object> request(Class<?> record) {
    Map<String, Object> example = new LinkedHashMap<>();
    for (RecordComponent c : record.getRecordComponents()) {
      Object value = BY_NAME.get(c.getName());
      if (value != null) {
        example.put(c.getName(), value);
      }
    }
    return example;
  }
}
