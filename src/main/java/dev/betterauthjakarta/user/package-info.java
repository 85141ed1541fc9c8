/**
 * Use case: the user's own profile. {@code POST /update-user}, {@code POST /delete-user}, {@code
 * GET /delete-user/callback}.
 *
 * <p>Rules: only provided fields change and null clears; email and server-only fields cannot be
 * set; one's own current username may be set again; deleting needs the password or a fresh session
 * (or the mailed link, used while signed in as the same user, when so configured) and removes
 * sessions, accounts and pending links in the same transaction; changes to one user run one after
 * another (the row is locked).
 */
package dev.betterauthjakarta.user;
