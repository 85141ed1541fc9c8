/**
 * Core: the one way mail leaves. Jakarta Mail over SMTP when configured, otherwise the server log;
 * mail leaves only after the transaction that produced it commits, in the background.
 */
package dev.betterauthjakarta.mail;
