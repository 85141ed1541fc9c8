package dev.betterauthjakarta.mail;

/** A mail to send once the transaction that produced it has committed. */
public record OutgoingMail(String to, String subject, String text, String html) {}
