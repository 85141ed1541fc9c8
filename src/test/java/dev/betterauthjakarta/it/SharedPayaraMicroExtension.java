package dev.betterauthjakarta.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link SharedPayaraMicro} in place of the Payara Micro Arquillian container, so that the
 * test classes deploying the same WAR share one Payara process. arquillian.xml configures it
 * unchanged (same qualifier, same properties). Registered in
 * META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension on the test classpath; it is
 * never part of a deployed archive.
 */
public final class SharedPayaraMicroExtension implements LoadableExtension {
  @Override
  public void register(ExtensionBuilder builder) {
    builder.override(
        DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
  }
}
