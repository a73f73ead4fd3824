package org.ser4j.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a request line it cannot parse, a header too large) in the API's JSON shape, for the
 * requests that never reach Javalin: without it Jetty answers those with an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        ApiException error = switch (code) {
            case 404 -> ApiException.notFound("no such resource: " + request.getHttpURI().getPath());
            case 405 -> ApiException.methodNotAllowed(request.getMethod() + " is not allowed here");
            case 413 -> ApiException.tooLarge(message == null ? "the request is too large" : message);
            case 503 -> ApiException.busy(message == null ? "the server is unavailable" : message);
            default -> code >= 500 ? ApiException.internal() : new ApiException(code, "bad_request",
                    message == null ? "the request cannot be understood" : message);
        };
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(Ser4jServer.bytes(error.body())), callback);
    }
}
