package dev.betterauthjakarta.user;

import dev.betterauthjakarta.audit.AuditAction;
import dev.betterauthjakarta.audit.AuditTrail;
import dev.betterauthjakarta.audit.Changes;
import dev.betterauthjakarta.identity.IdentityService;
import dev.betterauthjakarta.identity.ProfileChange;
import dev.betterauthjakarta.identity.User;
import dev.betterauthjakarta.mail.Links;
import dev.betterauthjakarta.mail.OutgoingMail;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.Jsons;
import dev.betterauthjakarta.platform.ServiceSettings;
import dev.betterauthjakarta.session.Caller;
import dev.betterauthjakarta.session.SessionService;
import dev.betterauthjakarta.verification.VerificationService;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.function.Supplier;

/** The user's own profile updates and deletion. */
@Stateless
public class UserService {
  static final String DELETE_ACCOUNT = "delete-account";

  @Inject ServiceSettings service;
  @Inject UserSettings settings;
  @Inject IdentityService identities;
  @Inject SessionService sessions;
  @Inject VerificationService verifications;
  @Inject Event<OutgoingMail> mails;
  @Inject AuditTrail audit;

  /**
   * Applies the change to the caller's row, locked, so concurrent updates of one user apply one
   * after the other.
   *
   * @throws AuthException username errors and VALIDATION_ERROR from {@link
   *     IdentityService#updateProfile}
   */
  public void update(Caller caller, ProfileChange change) {
    User user = sessions.lockCaller(caller);
    JsonObject before = user.auditState();
    identities.updateProfile(user, change);
    Changes changes = Changes.between(before, user.auditState());
    if (change.metadata().present()) {
      changes.note("metadata", "changed");
    }
    audit.record(AuditAction.USER_UPDATE, caller.actor(), user.getId(), changes);
  }

  /** What delete-user did. */
  public enum Deletion {
    DELETED,
    VERIFICATION_SENT
  }

  /**
   * Deletes the user, in Better Auth's order: a given password must be right; a given token (from
   * the mailed link) deletes at once; with mailed confirmation configured a link goes out instead;
   * otherwise, without a password, the session must be fresh.
   *
   * @throws AuthException 400 INVALID_PASSWORD, 400 SESSION_EXPIRED, 404 INVALID_TOKEN
   */
  public Deletion delete(Caller caller, DeleteUserRequest request) {
    User user = sessions.lockCaller(caller);
    if (request.givenPassword().isPresent()) {
      identities.checkPassword(user.getId(), request.givenPassword().get());
    }
    if (request.givenToken().isPresent()) {
      deleteByLink(caller, request.givenToken().get());
      return Deletion.DELETED;
    }
    if (settings.confirmDeleteByEmail()) {
      mailDeletionLink(user, request.callback());
      return Deletion.VERIFICATION_SENT;
    }
    if (request.givenPassword().isEmpty()) {
      caller.requireFresh(ErrorCode.SESSION_EXPIRED);
    }
    remove(caller, user);
    return Deletion.DELETED;
  }

  /**
   * The mailed deletion link, used while signed in as the same user (the link alone is not enough:
   * a forwarded mail must not delete an account). Both failures are 404, as in Better Auth, and the
   * token stays unused when they happen.
   *
   * @throws AuthException 404 INVALID_TOKEN
   */
  public void deleteByLink(Caller caller, String token) {
    Supplier<AuthException> invalid =
        () -> new AuthException(404, ErrorCode.INVALID_TOKEN, "Invalid token");
    JsonObject payload = verifications.redeem(token, DELETE_ACCOUNT).payloadOr(invalid);
    if (!payload.getString("userId").equals(caller.userId())) {
      throw invalid.get();
    }
    User user = sessions.lockCaller(caller);
    if (!payload.getString("email", "").equals(user.getEmail())) {
      throw invalid.get(); // mailed to an address the user has left since
    }
    remove(caller, user);
  }

  private void mailDeletionLink(User user, Optional<String> callbackURL) {
    String token =
        verifications.issue(
            DELETE_ACCOUNT,
            Jsons.PROVIDER
                .createObjectBuilder()
                .add("userId", user.getId())
                .add("email", user.getEmail())
                .build(),
            settings.deleteExpiresIn());
    mails.fire(
        Links.mail(
            user.getEmail(),
            "Confirm the deletion of your account",
            "Someone asked to delete your account. Open the link while signed in to confirm; this"
                + " cannot be undone:",
            Links.withCallback(
                service.apiUrl() + "/delete-user/callback?token=" + token, callbackURL),
            "If you did not ask for this, ignore this mail and change your password."));
  }

  /** The user with its sessions, accounts and pending verifications, in this one transaction. */
  private void remove(Caller caller, User user) {
    JsonObject before = user.auditState();
    verifications.deleteAllOf(user.getId());
    sessions.endAllOf(user.getId());
    identities.remove(user);
    audit.record(
        AuditAction.USER_DELETE,
        caller.actor(),
        user.getId(),
        Changes.between(before, jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
  }
}
