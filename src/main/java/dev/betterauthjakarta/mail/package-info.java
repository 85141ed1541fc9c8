/**
 * Core: the one way mail leaves. Jakarta Mail over SMTP when configured, otherwise the server log,
 * which only a development run (an http base URL) may use: in production without SMTP the
 * deployment fails. Mail leaves only after the transaction that produced it commits, in the
 * background.
 */
package dev.betterauthjakarta.mail;
