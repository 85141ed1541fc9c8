package dev.betterauthjakarta.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Better Auth's base path; every route of the service lives under it. */
@ApplicationPath("/api/auth")
public class AuthApplication extends Application {}
