package io.tandem.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** What the fake HTTP servers share: the JDK's HTTP server on 127.0.0.1, and sending their answers. */
final class FakeHttp implements AutoCloseable {

    /** The Content-Type of JSON answers, and of any answer with a body that names none. */
    static final String JSON = "application/json; charset=utf-8";

    static {
        // the JDK's server writes an answer's headers and body in two packets; without TCP_NODELAY the body waits
        // for the client's delayed ACK (40 ms on Linux), which would make every fake call 40 ms slow
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private FakeHttp(String threadName, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, threadName + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
    }

    /**
     * Starts a server on a free port of 127.0.0.1 whose every request goes to {@code handler}, on daemon threads
     * named {@code <threadName>-1}, {@code -2}, ...; if it cannot, throws an {@link IllegalStateException}
     * "cannot start {@code <what>}".
     */
    static FakeHttp serve(String what, String threadName, HttpHandler handler) {
        try {
            return new FakeHttp(threadName, handler);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + what, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a slash at the end. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Sends an answer: sets {@code headers} (plus a {@link #JSON} Content-Type if there is a body and they name
     * none), the status, and the body in UTF-8; an empty or null body is sent as no body at all.
     */
    static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(UTF_8);
        headers.forEach(exchange.getResponseHeaders()::set);
        if (bytes.length > 0 && !exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", JSON);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
