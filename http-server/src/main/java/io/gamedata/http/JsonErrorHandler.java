package io.gamedata.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a route runs (a malformed request line, an undecodable path,
 * headers too large): the same JSON shape as the apps' own errors instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Object status = request.getAttribute(ERROR_STATUS);
    Object message = request.getAttribute(ERROR_MESSAGE);
    int code = status instanceof Integer i ? i : response.getStatus();
    String text = message == null ? "request failed with status " + code : message.toString();
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.JSON);
    response.write(true, ByteBuffer.wrap(Responses.errorBody(text, null)), callback);
    return true;
  }
}
