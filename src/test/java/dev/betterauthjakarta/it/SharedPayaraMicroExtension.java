package dev.betterauthjakarta.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link SharedPayaraMicro} in place of the Payara Micro Arquillian container, so that the
 * test classes deploying the same WAR share one Payara process. arquillian.xml configures it
 * unchanged (same qualifier, same properties). Registered in
 * META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension on the test classpath; it is
 * never part of a deployed archive. In the WildFly execution the Payara container is not on the
 * classpath, and this extension does nothing.
 */
public final class SharedPayaraMicroExtension implements LoadableExtension {
  @Override
  public void register(ExtensionBuilder builder) {
    if (!payaraOnClasspath()) {
      return;
    }
    builder.override(
        DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
  }

  private static boolean payaraOnClasspath() {
    try {
      Class.forName(
          "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer",
          false,
          SharedPayaraMicroExtension.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
