/**
 * Outgoing mail: Jakarta Mail over SMTP when configured, otherwise the server log. Mail leaves
 * only after the transaction that produced it commits.
 */
package dev.betterauthjakarta.mail;
