package io.gamedata.recommender.adapter.http;

/** A request that cannot be served: HTTP status, message and the parameter at fault (or null). */
final class ApiException extends RuntimeException {
  private final int status;
  private final String parameter;

  ApiException(int status, String message, String parameter) {
    super(message, null, false, false);
    this.status = status;
    this.parameter = parameter;
  }

  static ApiException badParameter(String parameter, String message) {
    return new ApiException(400, message, parameter);
  }

  int status() {
    return status;
  }

  String parameter() {
    return parameter;
  }
}
