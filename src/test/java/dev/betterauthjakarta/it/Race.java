package dev.betterauthjakarta.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends requests at the same moment and collects their replies. */
public final class Race {
  private Race() {}

  public static List<Api.Reply> run(List<Api.Call> calls) {
    List<CompletableFuture<Api.Reply>> inFlight = new ArrayList<>();
    for (Api.Call call : calls) {
      inFlight.add(call.sendAsync());
    }
    return inFlight.stream().map(CompletableFuture::join).toList();
  }

  public static long count(List<Api.Reply> replies, int status) {
    return replies.stream().filter(r -> r.status() == status).count();
  }

  public static boolean anyServerError(List<Api.Reply> replies) {
    return replies.stream().anyMatch(r -> r.status() >= 500);
  }
}
