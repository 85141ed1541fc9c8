package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same WAR with the plugin's documented switch turned off ({@link Deployments#variant()}, in
 * which email verification is also required: the users here verify their address to get a session).
 */
@ExtendWith(ArquillianExtension.class)
class AccountManagementDisabledIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.variant();
  }

  @ArquillianResource URL base;

  @Test
  void thePluginsRoutesAnswer404WithACodeSignedInOrNot() {
    Api api = new Api(base);
    TestUser u = TestUser.signUpVerified(api);
    for (Api.Call call :
        List.of(
            api.get("list-accounts").bearer(u.token()),
            api.get("list-accounts"),
            api.post("unlink-account").bearer(u.token()).json("{\"providerId\":\"credential\"}"),
            api.post("unlink-account").json("{}"))) {
      Api.Reply reply = call.send();
      assertEquals(404, reply.status(), reply.toString());
      assertEquals("ACCOUNT_MANAGEMENT_DISABLED", reply.code());
    }
  }

  @Test
  void theCoreRoutesStillWork() {
    Api api = new Api(base);
    TestUser u = TestUser.signUpVerified(api);
    assertEquals(
        200,
        api.post("update-user")
            .bearer(u.token())
            .json("{\"name\":\"Still here\"}")
            .send()
            .status());
    assertEquals(1, Db.count("select count(*) from \"account\" where \"userId\" = ?", u.id()));
  }
}
