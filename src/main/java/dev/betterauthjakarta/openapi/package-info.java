/**
 * The API's description, above every use case (it reads their resources; nothing imports it): the
 * MicroProfile OpenAPI document served at {@code /openapi} on Payara and WildFly alike ({@link
 * dev.betterauthjakarta.openapi.OpenApiDocument}, a model reader, with annotation scanning off so
 * neither server's scanner adds its own reading of the records). Routes, parameters and request
 * records come from the JAX-RS resources by reflection ({@link
 * dev.betterauthjakarta.openapi.ApiRoutes}); what a signature cannot say (summaries, answer types
 * of {@code Response} methods, each route's own Better Auth error codes) is in one table, {@code
 * RouteDocs}.
 */
package dev.betterauthjakarta.openapi;
