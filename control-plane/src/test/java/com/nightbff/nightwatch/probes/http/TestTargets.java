package com.nightbff.nightwatch.probes.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Real socket servers on 127.0.0.1 that misbehave in the ways the prober must name. */
final class TestTargets implements AutoCloseable {

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** A JDK HTTP server; add handlers with {@link HttpServer#createContext}. */
    HttpServer http() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.start();
        closeables.add(() -> server.stop(0));
        return server;
    }

    static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static void reply(HttpExchange exchange, int status, String body, String... headers) throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static HttpHandler fixed(int status, String body, String... headers) {
        return exchange -> {
            exchange.getRequestBody().readAllBytes();
            reply(exchange, status, body, headers);
        };
    }

    /** Answers 200 with an empty JSON object after {@code millis}. */
    static HttpHandler slow(long millis) {
        return exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "{}");
        };
    }

    /** Accepts connections and never answers: the prober must give up at its timeout. */
    int silent() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closeables.add(socket);
        threads.submit(() -> {
            List<Socket> held = new ArrayList<>();
            while (!socket.isClosed()) {
                try {
                    held.add(socket.accept());
                } catch (IOException e) {
                    return null;
                }
            }
            return null;
        });
        return socket.getLocalPort();
    }

    /** Answers headers promptly, then one body byte every {@code gapMillis}: only a whole-call deadline catches it. */
    int trickle(long gapMillis) throws IOException {
        return serveEach((socket, s) -> {
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\nContent-Type: text/plain\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 10000 && !socket.isClosed(); i++) {
                out.write('x');
                out.flush();
                Thread.sleep(gapMillis);
            }
        });
    }

    /**
     * Answers every request 200 with a Content-Length and closes the connection after the response without
     * a {@code Connection: close}: HTTP/1.0 servers do so by default, an HTTP/1.1 server at a keep-alive timeout.
     * A client that pools the connection finds it dead.
     */
    int closesAfterEachResponse(String protocol) throws IOException {
        return serveEach((socket, s) -> {
            s.getOutputStream().write((protocol + " 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        });
    }

    /** What a raw server does with one accepted connection, after the request head was read. */
    private interface Exchange {
        void serve(ServerSocket server, Socket connection) throws IOException, InterruptedException;
    }

    /** A loopback server that reads each request head, lets {@code exchange} answer, then closes the connection. */
    private int serveEach(Exchange exchange) throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closeables.add(socket);
        threads.submit(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    readHead(s.getInputStream());
                    exchange.serve(socket, s);
                } catch (IOException | InterruptedException e) {
                    // the client gave up, or the server is closing: next connection
                }
            }
            return null;
        });
        return socket.getLocalPort();
    }

    /** A port that was bound and released, so nothing listens there. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return;
            }
        }
    }

    void add(AutoCloseable closeable) {
        closeables.add(closeable);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        threads.shutdownNow();
    }
}
