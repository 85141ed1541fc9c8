package dev.betterauthjakarta.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST route that other sites post to by design and that changes nothing itself: an
 * identity provider's {@code form_post} callback, which only redirects to the GET callback (where
 * the flow's state cookie is checked). {@link OriginCheckFilter} lets it through from any origin.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CrossSitePost {}
