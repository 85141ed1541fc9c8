package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.identity.BetterAuthScrypt;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #10: a credential change closes every way back in. Sign-ins racing a reset or a change keep
 * no session, a hash upgrade never writes an old password back, pending mailed links die with the
 * password or address they were issued under, and a revoke-all serialises with a password change
 * (issue #7).
 */
@ExtendWith(ArquillianExtension.class)
class CredentialChangeIT {
  private static final String NEW_PASSWORD = "a brand new passphrase";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  private Api api() {
    return new Api(base);
  }

  private Api.Reply signIn(String email, String password) {
    return api()
        .post("sign-in/email")
        .json(Json.createObjectBuilder().add("email", email).add("password", password).build())
        .send();
  }

  private static String linkPath(MimeMessage mail) {
    String text = Mailbox.plainText(mail);
    int at = text.indexOf("/api/auth/");
    return text.substring(at + "/api/auth/".length()).split("\\s")[0];
  }

  private String requestReset(String email, int mailsExpected) {
    assertEquals(
        200,
        api()
            .post("request-password-reset")
            .json(Json.createObjectBuilder().add("email", email).build())
            .send()
            .status());
    String path = linkPath(Mailbox.awaitMailsTo(email, mailsExpected).get(mailsExpected - 1));
    return path.substring("reset-password/".length()).split("\\?")[0];
  }

  private Api.Reply reset(String token, String password) {
    return api()
        .post("reset-password")
        .json(Json.createObjectBuilder().add("token", token).add("newPassword", password).build())
        .send();
  }

  /** A signed-up user whose address is verified (needed for change links). */
  private TestUser verifiedUser() {
    TestUser u = TestUser.signUp(api());
    Api.Reply asked =
        api()
            .post("send-verification-email")
            .bearer(u.token())
            .json(Json.createObjectBuilder().add("email", u.email()).build())
            .send();
    assertEquals(200, asked.status(), asked.toString());
    String path = linkPath(Mailbox.awaitMailsTo(u.email(), 1).get(0));
    assertEquals(200, api().get(path).send().status());
    return u;
  }

  private boolean isLive(String token) {
    return api().get("get-session").bearer(token).send().value() != JsonValue.NULL;
  }

  /**
   * Signs in with {@code password} from four threads in a loop while {@code change} runs once in
   * the middle; answers every token a sign-in got. The test knows the loops overlapped the change
   * because sign-ins started before the change ended and others finished after it began.
   */
  private List<String> signInLoopsAround(String email, String password, Runnable change)
      throws Exception {
    List<String> tokens = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong changeStarted = new AtomicLong(Long.MAX_VALUE);
    AtomicLong changeEnded = new AtomicLong();
    AtomicLong startedBeforeEnd = new AtomicLong();
    AtomicLong endedAfterStart = new AtomicLong();
    AtomicLong attempts = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        loops.add(
            pool.submit(
                () -> {
                  while (!stop.get()) {
                    attempts.incrementAndGet();
                    long start = System.nanoTime();
                    Api.Reply reply = signIn(email, password);
                    long end = System.nanoTime();
                    assertTrue(reply.status() < 500, reply.toString());
                    if (reply.status() == 200) {
                      tokens.add(reply.json().getString("token"));
                    }
                    if (changeEnded.get() == 0 || start < changeEnded.get()) {
                      startedBeforeEnd.incrementAndGet();
                    }
                    if (end > changeStarted.get()) {
                      endedAfterStart.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      // Waits on progress, not on time, so a slow machine only makes the test slower.
      awaitAtLeast(() -> tokens.size(), 4);
      changeStarted.set(System.nanoTime());
      change.run();
      changeEnded.set(System.nanoTime());
      long startedAfter = attempts.get();
      awaitAtLeast(() -> (int) (attempts.get() - startedAfter), 8);
      stop.set(true);
      for (Future<?> loop : loops) {
        loop.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(startedBeforeEnd.get() > 0 && endedAfterStart.get() > 0, "the loops overlapped");
    assertFalse(tokens.isEmpty(), "some sign-ins got in before the change");
    return tokens;
  }

  /**
   * The loops' sign-ins with the old password count towards the per-account lockout, which may
   * pause password sign-in after ten of them; the checks that follow start afresh.
   */
  private static void forgetFailedSignIns(TestUser u) {
    Db.update("delete from \"signInLockout\" where \"key\" = ?", "user:" + u.id());
  }

  private static void awaitAtLeast(java.util.function.IntSupplier count, int wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (count.getAsInt() < wanted) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no progress: " + count.getAsInt() + " of " + wanted);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void signInsRacingAResetKeepNoSessionWithTheOldPassword() throws Exception {
    TestUser u = TestUser.signUp(api());
    String token = requestReset(u.email(), 1);
    List<String> tokens =
        signInLoopsAround(
            u.email(), u.password(), () -> assertEquals(200, reset(token, NEW_PASSWORD).status()));
    for (String t : tokens) {
      assertFalse(isLive(t), "a session opened with the old password outlived the reset");
    }
    forgetFailedSignIns(u);
    assertEquals(401, signIn(u.email(), u.password()).status());
    assertEquals(200, signIn(u.email(), NEW_PASSWORD).status());
  }

  @Test
  void signInsRacingAChangeThatRevokesSessionsKeepNoSession() throws Exception {
    TestUser u = TestUser.signUp(api());
    String[] issued = new String[1];
    List<String> tokens =
        signInLoopsAround(
            u.email(),
            u.password(),
            () -> {
              Api.Reply changed =
                  api()
                      .post("change-password")
                      .bearer(u.token())
                      .json(
                          Json.createObjectBuilder()
                              .add("currentPassword", u.password())
                              .add("newPassword", NEW_PASSWORD)
                              .add("revokeOtherSessions", true)
                              .build())
                      .send();
              assertEquals(200, changed.status(), changed.toString());
              issued[0] = changed.json().getString("token");
            });
    for (String t : tokens) {
      assertFalse(isLive(t), "a session opened with the old password outlived the change");
    }
    forgetFailedSignIns(u);
    assertTrue(isLive(issued[0]), "the session the change handed out stays");
    assertEquals(200, signIn(u.email(), NEW_PASSWORD).status());
  }

  /**
   * Each round stores Better Auth's scrypt hash of the password (so every sign-in wants to upgrade
   * it) and fires four sign-ins and a password change at once: the sign-ins verify the old hash
   * while the change commits. Afterwards the new password must work and the old one must not.
   */
  @Test
  void aHashUpgradeAtSignInNeverWritesTheOldPasswordBackOverAChange() {
    TestUser u = TestUser.signUp(api());
    JsonObject credentials =
        Json.createObjectBuilder().add("email", u.email()).add("password", u.password()).build();
    JsonObject change =
        Json.createObjectBuilder()
            .add("currentPassword", u.password())
            .add("newPassword", NEW_PASSWORD)
            .build();
    for (int round = 0; round < 10; round++) {
      Db.update(
          "update \"account\" set \"password\" = ? where \"userId\" = ?",
          BetterAuthScrypt.hash(u.password()),
          u.id());
      List<Api.Call> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(api().post("sign-in/email").json(credentials));
      }
      calls.add(2, api().post("change-password").bearer(u.token()).json(change));
      List<Api.Reply> replies = Race.run(calls);
      assertFalse(Race.anyServerError(replies), replies.toString());
      assertEquals(200, replies.get(2).status(), replies.get(2).toString());
      assertEquals(
          401, signIn(u.email(), u.password()).status(), "round " + round + ": old password back");
      assertEquals(200, signIn(u.email(), NEW_PASSWORD).status(), "round " + round);
    }
  }

  @Test
  void aStolenChangeEmailLinkDiesWithAPasswordReset() {
    TestUser victim = verifiedUser();
    String thiefSession = victim.signIn(api());
    String thiefEmail = TestUser.uniqueEmail();
    assertEquals(
        200,
        api()
            .post("change-email")
            .bearer(thiefSession)
            .json(Json.createObjectBuilder().add("newEmail", thiefEmail).build())
            .send()
            .status());
    String stolenLink = linkPath(Mailbox.awaitMailsTo(thiefEmail, 1).get(0));

    String token = requestReset(victim.email(), 2); // after the verification mail
    assertEquals(200, reset(token, NEW_PASSWORD).status());
    Api.Reply followed = api().get(stolenLink).send();
    assertEquals(401, followed.status(), followed.toString());
    assertEquals("INVALID_TOKEN", followed.code());
    assertEquals(
        victim.email(),
        Db.string("select \"email\" from \"user\" where \"id\" = ?", victim.id()),
        "the account stays at the victim's address");
  }

  @Test
  void aStolenChangeEmailLinkDiesWhenTheVictimChangesTheirOwnEmail() {
    TestUser victim = verifiedUser();
    String thiefEmail = TestUser.uniqueEmail();
    api()
        .post("change-email")
        .bearer(victim.signIn(api()))
        .json(Json.createObjectBuilder().add("newEmail", thiefEmail).build())
        .send();
    String stolenLink = linkPath(Mailbox.awaitMailsTo(thiefEmail, 1).get(0));

    String ownNewEmail = TestUser.uniqueEmail();
    api()
        .post("change-email")
        .bearer(victim.token())
        .json(Json.createObjectBuilder().add("newEmail", ownNewEmail).build())
        .send();
    assertEquals(
        200, api().get(linkPath(Mailbox.awaitMailsTo(ownNewEmail, 1).get(0))).send().status());
    assertEquals(
        ownNewEmail, Db.string("select \"email\" from \"user\" where \"id\" = ?", victim.id()));

    Api.Reply followed = api().get(stolenLink).send();
    assertEquals("INVALID_TOKEN", followed.code(), followed.toString());
    assertEquals(
        ownNewEmail, Db.string("select \"email\" from \"user\" where \"id\" = ?", victim.id()));
  }

  @Test
  void aChangeLinkIsRefusedOnceTheAddressItChangesFromMovedOnEvenIfItWasNotDeleted() {
    TestUser victim = verifiedUser();
    String thiefEmail = TestUser.uniqueEmail();
    api()
        .post("change-email")
        .bearer(victim.token())
        .json(Json.createObjectBuilder().add("newEmail", thiefEmail).build())
        .send();
    String link = linkPath(Mailbox.awaitMailsTo(thiefEmail, 1).get(0));
    // Another writer (an admin, a Better Auth server) moves the address without ending links.
    Db.update(
        "update \"user\" set \"email\" = ? where \"id\" = ?", TestUser.uniqueEmail(), victim.id());
    assertEquals("INVALID_TOKEN", api().get(link).send().code());
  }

  @Test
  void aResetLinkMailedToAnAddressTheUserHasLeftDiesWithIt() {
    TestUser u = TestUser.signUp(api()); // unverified: a change applies at once
    String token = requestReset(u.email(), 1);
    String next = TestUser.uniqueEmail();
    assertEquals(
        200,
        api()
            .post("change-email")
            .bearer(u.token())
            .json(Json.createObjectBuilder().add("newEmail", next).build())
            .send()
            .status());
    Api.Reply used = reset(token, NEW_PASSWORD);
    assertEquals(400, used.status(), used.toString());
    assertEquals("INVALID_TOKEN", used.code());
    assertEquals(200, signIn(next, u.password()).status(), "the password did not change");
  }

  @Test
  void aPasswordChangeEndsPendingLinks() {
    TestUser u = TestUser.signUp(api());
    String token = requestReset(u.email(), 1);
    assertEquals(
        200,
        api()
            .post("change-password")
            .bearer(u.token())
            .json(
                Json.createObjectBuilder()
                    .add("currentPassword", u.password())
                    .add("newPassword", NEW_PASSWORD)
                    .build())
            .send()
            .status());
    assertEquals("INVALID_TOKEN", reset(token, "yet another passphrase").code());
  }

  @Test
  void atMostThreeResetLinksAreLiveAtOnceTheOldestRetire() {
    TestUser u = TestUser.signUp(api());
    List<String> tokens = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      tokens.add(requestReset(u.email(), i));
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(400, api().get("reset-password/" + tokens.get(i)).send().status(), "retired");
    }
    for (int i = 2; i < 5; i++) {
      assertEquals(200, api().get("reset-password/" + tokens.get(i)).send().status(), "live");
    }
  }

  @Test
  void revokeSessionsRacingChangePasswordSerialise() {
    for (int round = 0; round < 8; round++) {
      TestUser u = TestUser.signUp(api());
      JsonObject change =
          Json.createObjectBuilder()
              .add("currentPassword", u.password())
              .add("newPassword", NEW_PASSWORD)
              .add("revokeOtherSessions", true)
              .build();
      List<Api.Reply> replies =
          Race.run(
              List.of(
                  api().post("change-password").bearer(u.token()).json(change),
                  api().post("revoke-sessions").bearer(u.token()).json("{}")));
      assertFalse(Race.anyServerError(replies), replies.toString());
      boolean changed = replies.get(0).status() == 200;
      boolean revoked = replies.get(1).status() == 200;
      assertFalse(changed && revoked, "both ran on the same session: " + replies);
      long live =
          Db.count(
              "select count(*) from \"session\" where \"userId\" = ? and \"expiresAt\" > now()",
              u.id());
      assertEquals(changed ? 1 : 0, live, "round " + round + ": " + replies);
    }
  }

  @Test
  void signInRacingDeleteUserAnswers401OrSucceedsBeforeAndLeavesNothing() {
    for (int round = 0; round < 6; round++) {
      TestUser u = TestUser.signUp(api());
      JsonObject credentials =
          Json.createObjectBuilder().add("email", u.email()).add("password", u.password()).build();
      List<Api.Call> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(api().post("sign-in/email").json(credentials));
      }
      calls.add(
          1,
          api()
              .post("delete-user")
              .bearer(u.token())
              .json(Json.createObjectBuilder().add("password", u.password()).build()));
      List<Api.Reply> replies = Race.run(calls);
      assertFalse(Race.anyServerError(replies), replies.toString());
      assertEquals(200, replies.get(1).status(), replies.get(1).toString());
      for (int i : new int[] {0, 2, 3}) {
        int status = replies.get(i).status();
        assertTrue(status == 200 || status == 401, replies.get(i).toString());
        if (status == 401) {
          assertEquals("INVALID_EMAIL_OR_PASSWORD", replies.get(i).code());
        }
      }
      assertEquals(0, Db.count("select count(*) from \"session\" where \"userId\" = ?", u.id()));
      assertEquals(0, Db.count("select count(*) from \"user\" where \"id\" = ?", u.id()));
    }
  }
}
