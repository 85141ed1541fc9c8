package dev.betterauthjakarta.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * At start-up, after the migrations, names the configured first administrator if that user already
 * exists ({@link AdminService#promoteInitialAdmin}), so an operator who signed up first and set
 * {@code better.auth.admin.initial-admin} afterwards needs no SQL either.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminStartup {
  @Inject AdminService admin;

  @PostConstruct
  void promote() {
    admin.promoteInitialAdmin();
  }
}
