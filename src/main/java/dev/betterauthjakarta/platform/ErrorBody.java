package dev.betterauthjakarta.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The error shape of every failed request. */
@JsonbPropertyOrder({"code", "message"})
public record ErrorBody(String code, String message) {

  public static Response.ResponseBuilder response(int status, ErrorCode code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(code.name(), message));
  }
}
