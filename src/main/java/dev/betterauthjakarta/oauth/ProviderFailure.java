package dev.betterauthjakarta.oauth;

import jakarta.ejb.ApplicationException;

/**
 * A sign-in or link through a provider that cannot go on, with Better Auth's callback error code
 * ({@code invalid_code}, {@code account_not_linked}, ...). The callback turns it into {@code
 * ?error=<code>} on the error URL; the JSON routes into their own {@code {code, message}}. As an
 * application exception it reaches the caller unwrapped and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ProviderFailure extends RuntimeException {
  // Better Auth's callback codes, and the two of ours (provider_unavailable, two_factor_required).
  static final String STATE_NOT_FOUND = "state_not_found";
  static final String STATE_MISMATCH = "state_mismatch";
  static final String INVALID_CALLBACK_REQUEST = "invalid_callback_request";
  static final String NO_CODE = "no_code";
  static final String PROVIDER_NOT_FOUND = "oauth_provider_not_found";
  static final String ISSUER_MISMATCH = "issuer_mismatch";
  static final String INVALID_CODE = "invalid_code";
  static final String INVALID_TOKEN = "invalid_token";
  static final String UNABLE_TO_GET_USER_INFO = "unable_to_get_user_info";
  static final String EMAIL_NOT_FOUND = "email_not_found";
  static final String ACCOUNT_NOT_LINKED = "account_not_linked";
  static final String SIGNUP_DISABLED = "signup_disabled";
  static final String UNABLE_TO_LINK_ACCOUNT = "unable_to_link_account";
  static final String EMAIL_NOT_VERIFIED = "email_not_verified";
  static final String EMAIL_DOES_NOT_MATCH = "email_does_not_match";
  static final String LINKED_TO_ANOTHER_USER = "account_already_linked_to_different_user";
  static final String PROVIDER_UNAVAILABLE = "provider_unavailable";
  static final String TWO_FACTOR_REQUIRED = "two_factor_required";
  static final String INTERNAL_ERROR = "internal_server_error";

  private final String code;

  public ProviderFailure(String code) {
    this(code, code);
  }

  public ProviderFailure(String code, String detail) {
    super(detail, null, false, false); // an expected outcome: no stack trace to fill
    this.code = code;
  }

  /** The callback error code. */
  public String code() {
    return code;
  }

  /** Better Auth's wording of the code in its JSON answers ("account not linked"). */
  public String reason() {
    return code.replace('_', ' ');
  }
}
