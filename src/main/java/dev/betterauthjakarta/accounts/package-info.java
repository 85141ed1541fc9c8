/**
 * Use case: the account-management plugin (a CDI alternative, on by default, off with {@code
 * better.auth.account-management.enabled=false}). {@code GET /list-accounts}, {@code POST
 * /unlink-account}.
 *
 * <p>Rules: a user sees only their own accounts and never a password or provider token; unlinking
 * needs a fresh session, accepts the seed's {providerId, accountId?} and Better Auth 1.7's
 * {accountId} bodies, and never removes a user's last account (the rule lives in {@code identity});
 * switched off, both routes answer 404.
 */
package dev.betterauthjakarta.accounts;
