package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class SmokeIT {
  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  @Test
  void signUpThenGetSession() {
    Api api = new Api(base);
    var ok = api.get("ok").send();
    assertEquals(200, ok.status(), ok.toString());
    var r = api.post("sign-up/email")
        .json(Json.createObjectBuilder().add("name", "A").add("email", "smoke@example.com").add("password", "password123").build())
        .send();
    System.out.println(r + " " + r.response().headers().map());
    var s = api.get("get-session").bearer(r.json().getString("token")).send();
    System.out.println(s);
    assertEquals(200, s.status());
  }
}
