package dev.betterauthjakarta.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Small helpers for the bodies of mailed links. */
public final class Links {
  private Links() {}

  public static String escapeHtml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** {@code base} plus {@code callbackURL=} when the client gave one. */
  public static String withCallback(String base, Optional<String> callbackURL) {
    return base
        + callbackURL
            .map(
                c ->
                    (base.contains("?") ? "&" : "?")
                        + "callbackURL="
                        + URLEncoder.encode(c, StandardCharsets.UTF_8))
            .orElse("");
  }

  /** A plain-text and an HTML body around one link. */
  public static OutgoingMail mail(
      String to, String subject, String intro, String link, String outro) {
    String text = intro + "\n\n" + link + "\n\n" + outro + "\n";
    String html =
        "<!doctype html><html><body><p>"
            + escapeHtml(intro)
            + "</p><p><a href=\""
            + escapeHtml(link)
            + "\">"
            + escapeHtml(link)
            + "</a></p><p>"
            + escapeHtml(outro)
            + "</p></body></html>";
    return new OutgoingMail(to, subject, text, html);
  }
}
