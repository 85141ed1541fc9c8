package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Which archives share a Payara process: the fingerprint {@link SharedPayaraMicro} keys them by.
 */
class SharedPayaraMicroTest {

  private static WebArchive war(String name, String config) {
    return ShrinkWrap.create(WebArchive.class, name)
        .addAsWebInfResource(new StringAsset("<beans/>"), "beans.xml")
        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
  }

  @Test
  void archivesBuiltAlikeShareAFingerprint() {
    assertEquals(
        SharedPayaraMicro.fingerprint(war("ROOT.war", "a=1\n")),
        SharedPayaraMicro.fingerprint(war("ROOT.war", "a=1\n")));
  }

  @Test
  void oneChangedSettingOrAnotherNameGetsItsOwnProcess() {
    String shipped = SharedPayaraMicro.fingerprint(war("ROOT.war", "a=1\n"));
    assertNotEquals(shipped, SharedPayaraMicro.fingerprint(war("ROOT.war", "a=2\n")));
    assertNotEquals(shipped, SharedPayaraMicro.fingerprint(war("app.war", "a=1\n")));
  }

  @Test
  void anEntrysBytesCannotPassForAnotherEntry() {
    // Hashed as one stream of NUL-ended paths and raw bytes, these two would be alike.
    WebArchive two =
        ShrinkWrap.create(WebArchive.class, "ROOT.war")
            .add(new StringAsset(""), "a")
            .add(new StringAsset(""), "b");
    WebArchive one =
        ShrinkWrap.create(WebArchive.class, "ROOT.war").add(new StringAsset("/b\0"), "a");
    assertNotEquals(SharedPayaraMicro.fingerprint(two), SharedPayaraMicro.fingerprint(one));
  }
}
