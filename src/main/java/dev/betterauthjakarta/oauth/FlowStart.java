package dev.betterauthjakarta.oauth;

import java.util.List;
import java.util.Map;

/**
 * What every request that starts a redirect flow asks for, whichever route and body shape it came
 * in (Better Auth 1.7's sign-in/social and link-social, 1.6's sign-in/oauth2 and oauth2/link). URLs
 * are already checked to be trusted.
 */
record FlowStart(
    String provider,
    String callbackURL,
    String newUserCallbackURL,
    String errorCallbackURL,
    List<String> scopes,
    boolean requestSignUp,
    String loginHint,
    Map<String, String> additionalParams,
    boolean codeExchange) {}
