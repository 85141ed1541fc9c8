/**
 * Core: single-use tokens for mailed links (and for identity-provider flows: their state and
 * exchange codes), stored in Better Auth's {@code "verification"} table as {@code
 * purpose:SHA-256(token)}; consuming one locks and deletes its row, so a token works once even when
 * two requests race with it; expired ones nobody redeemed can be purged. Also the
 * email-verification mail, which sign-up and the email routes both send; a verification link is
 * good only for the address it was sent to.
 */
package dev.betterauthjakarta.verification;
