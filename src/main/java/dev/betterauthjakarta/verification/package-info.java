/**
 * Single-use tokens for mailed links, stored in Better Auth's {@code "verification"} table as
 * {@code purpose:SHA-256(token)}; consuming one locks and deletes its row, so a token works once
 * even when two requests race with it.
 */
package dev.betterauthjakarta.verification;
