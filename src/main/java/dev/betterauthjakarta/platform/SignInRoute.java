package dev.betterauthjakarta.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that opens a session from credentials (sign-in, sign-up). Browsers carry
 * no session cookie there yet, so {@link OriginCheckFilter} checks their Origin whenever they say
 * they are a browser (login CSRF). The check follows the matched method, so every spelling of a
 * path that reaches the route gets it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignInRoute {}
