package org.ser4j.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server for the download tests: serves byte arrays by path with range requests, records every
 * request's path and Range header, and can drop the connection halfway through a file's first transfer.
 */
final class TestServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** One request seen: its path and its Range header (null when none). */
    record Request(String path, String range) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Set<String> dropOnce = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code bytes} at {@code path}; returns its URL. */
    String serve(String path, byte[] bytes) {
        files.put(path, bytes);
        return url(path);
    }

    /** The first full transfer of {@code path} sends half the bytes and closes the connection. */
    void dropHalfwayOnce(String path) {
        dropOnce.add(path);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(new Request(path, range));
        byte[] body = files.get(path);
        try (ex) {
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            long from = 0;
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (m != null && m.matches()) {
                from = Long.parseLong(m.group(1));
                ex.getResponseHeaders().set("Content-Range",
                        "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                ex.sendResponseHeaders(206, body.length - from);
            } else {
                ex.sendResponseHeaders(200, body.length);
            }
            OutputStream out = ex.getResponseBody();
            if (from == 0 && dropOnce.remove(path)) {
                out.write(body, 0, body.length / 2);
                out.flush();
                // Closing short of the declared length makes the JDK server drop the connection.
                return;
            }
            out.write(body, (int) from, body.length - (int) from);
        } catch (IOException e) {
            // the short write above: expected
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
