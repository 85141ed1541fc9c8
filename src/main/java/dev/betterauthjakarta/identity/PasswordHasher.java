package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * New passwords are hashed with argon2id (or Better Auth's scrypt while a Better Auth server shares
 * the database); both formats verify, and a hash in the format not being written is flagged for an
 * upgrade at the next successful sign-in.
 */
@ApplicationScoped
public class PasswordHasher {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  /** A fixed hash to verify against when there is no account, so misses cost the same time. */
  private static final String DUMMY = Argon2id.hash("no account has this password");

  @Inject IdentitySettings settings;

  public record Verdict(boolean matches, boolean needsRehash) {}

  /** Better Auth's length rule, counted in UTF-16 units as JavaScript does. */
  public static void checkLength(String password) {
    if (password.length() < MIN_LENGTH) {
      throw new AuthException(ErrorCode.PASSWORD_TOO_SHORT);
    }
    if (password.length() > MAX_LENGTH) {
      throw new AuthException(ErrorCode.PASSWORD_TOO_LONG);
    }
  }

  public String hash(String password) {
    return writesScrypt() ? BetterAuthScrypt.hash(password) : Argon2id.hash(password);
  }

  public Verdict verify(String password, String stored) {
    boolean writeScrypt = writesScrypt();
    if (password.length() > MAX_LENGTH) {
      burn(password); // no stored password can be this long; still spend the usual time
      return new Verdict(false, false);
    }
    if (Argon2id.isHash(stored)) {
      boolean ok = Argon2id.verify(password, stored);
      return new Verdict(ok, ok && (writeScrypt || !Argon2id.hasCurrentParameters(stored)));
    }
    if (BetterAuthScrypt.isHash(stored)) {
      boolean ok = BetterAuthScrypt.verify(password, stored);
      return new Verdict(ok, ok && !writeScrypt);
    }
    burn(password); // an unknown format never matches
    return new Verdict(false, false);
  }

  private boolean writesScrypt() {
    return settings.passwordHashFormat() == PasswordHashFormat.BETTER_AUTH_SCRYPT;
  }

  /** The work of one verification, for the paths where there is nothing to verify against. */
  public void burn(String password) {
    Argon2id.verify(password.length() > MAX_LENGTH ? "" : password, DUMMY);
  }
}
