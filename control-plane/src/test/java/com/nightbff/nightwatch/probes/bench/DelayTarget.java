package com.nightbff.nightwatch.probes.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The accuracy benchmark's target, run in its own JVM: answers {@code /delay} a known time after the
 * request's last header byte arrived, {@code /fast} at once, and {@code /stats} with its own lateness
 * past the delay since the last call. One blocking thread accepts, reads and answers each connection in
 * turn (both probers are sequential): no selector or executor hand-off between the request arriving and
 * the delay starting, which on a busy 2-core box could add milliseconds nobody injected. Prints its
 * port, serves until stdin closes.
 */
public final class DelayTarget {

    private static final long SPIN_NANOS = 5_000_000;
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    private final long delayNanos;
    private final List<Double> lateness = new ArrayList<>();

    private DelayTarget(long delayMs) {
        this.delayNanos = delayMs * 1_000_000;
    }

    public static void main(String[] args) throws Exception {
        DelayTarget target = new DelayTarget(Long.parseLong(args[0]));
        ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> target.serve(server), "delay-target");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println(server.getLocalPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the parent goes away
        }
        System.exit(0);
    }

    private void serve(ServerSocket server) {
        while (true) {
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(5000);
                String path = readRequest(socket.getInputStream());
                long arrived = System.nanoTime();
                byte[] body = OK;
                if (path.startsWith("/delay")) {
                    waitUntil(arrived + delayNanos);
                    lateness.add((System.nanoTime() - arrived - delayNanos) / 1e6);
                } else if (path.startsWith("/stats")) {
                    body = stats().getBytes(StandardCharsets.US_ASCII);
                }
                write(socket.getOutputStream(), body);
            } catch (IOException e) {
                // a client gone mid-request; serve the next one
            }
        }
    }

    /** Reads up to the blank line ending the headers; answers the path of the request line. */
    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
                break;
            }
        }
        String[] requestLine = head.toString().split("\r\n", 2)[0].split(" ");
        return requestLine.length > 1 ? requestLine[1] : "";
    }

    private static void write(OutputStream out, byte[] body) throws IOException {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        out.write(all);
        out.flush();
    }

    /** Sleeps most of the wait, then spins: a sleeping thread on a busy box can wake milliseconds late. */
    private static void waitUntil(long deadline) {
        long sleepNanos = deadline - System.nanoTime() - SPIN_NANOS;
        if (sleepNanos > 0) {
            try {
                Thread.sleep(sleepNanos / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private String stats() {
        List<Double> copy = new ArrayList<>(lateness);
        lateness.clear();
        return String.format(Locale.ROOT, "%.3f %.3f %d", ProbeEngineBenchmark.percentile(copy, 50),
                ProbeEngineBenchmark.percentile(copy, 99), copy.size());
    }
}
