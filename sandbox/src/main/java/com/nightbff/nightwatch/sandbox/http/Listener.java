package com.nightbff.nightwatch.sandbox.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port that can be closed and reopened. The JDK server cannot restart once stopped, so reopening
 * binds a fresh one with the same handler; the worker threads survive across both. Opening and closing
 * are serialised, so of two requests the later one decides.
 */
public final class Listener {

    static {
        // The JDK server leaves Nagle on, so on a kept-alive connection a small response waits for the
        // client's delayed ACK: 40-50 ms added to every request, which NightBFF's services do not add.
        // Read once, when the JDK server's config class loads, so it must be set before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** How long exchanges in progress when the port closes may take. */
    private static final int GRACE_SECONDS = 1;
    /**
     * The same when the close came on the port itself: its reply is written only after close() returns and
     * must get out even on a stalled machine. stop() returns once no exchange is left, so this rarely waits.
     */
    private static final int OWN_REPLY_GRACE_SECONDS = 5;
    private static final int PROBE_TIMEOUT_MS = 100;

    private final String name;
    private final String host;
    private final int port;
    private final Dispatcher dispatcher;
    private final ExecutorService workers;
    private HttpServer server;

    public Listener(String name, String host, int port, Dispatcher dispatcher, int threads) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.dispatcher = dispatcher;
        AtomicInteger counter = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Worker(this, r, name + "-http-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isOpen() {
        return server != null;
    }

    /** Returns whether the port was closed before. */
    public synchronized boolean open() {
        if (server != null) {
            return false;
        }
        try {
            HttpServer fresh = HttpServer.create(new InetSocketAddress(host, port), 256);
            fresh.createContext("/", dispatcher);
            fresh.setExecutor(workers);
            fresh.start();
            server = fresh;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes the port and returns once it refuses connections and, unless the caller is an exchange on
     * this very port (which still gets to send its reply), once its kept-alive connections are dropped;
     * so a caller that answers afterwards tells the truth: a client that got the answer and sends again
     * is refused. Returns whether the port was open.
     */
    public synchronized boolean close() {
        if (server == null) {
            return false;
        }
        HttpServer closing = server;
        server = null;
        boolean ownExchange = Thread.currentThread() instanceof Worker w && w.listener == this;
        // stop() shuts the listening socket at once, then waits for exchanges in progress (among them,
        // perhaps, the caller's) before dropping every connection; so it runs beside us.
        int grace = ownExchange ? OWN_REPLY_GRACE_SECONDS : GRACE_SECONDS;
        Thread stopper = new Thread(() -> closing.stop(grace), name + "-close");
        stopper.setDaemon(true);
        stopper.start();
        awaitRefused(stopper);
        if (!ownExchange) {
            // Idle kept-alive connections outlive the listening socket until stop() drops them: a client's
            // next request on one would still be served. Waited for unless the caller is an exchange on this
            // port, which stop() in turn waits for; that caller's reply says "Connection: close" instead.
            joinQuietly(stopper);
        }
        return true;
    }

    private static void joinQuietly(Thread stopper) {
        try {
            stopper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A worker thread, so close() can tell an exchange on its own port from any other caller. */
    private static final class Worker extends Thread {
        private final Listener listener;

        Worker(Listener listener, Runnable task, String name) {
            super(task, name);
            this.listener = listener;
        }
    }

    /**
     * The JDK releases a closed listening socket only on its selector's next pass, a few milliseconds
     * later, and says nothing when it has: a refused connection is the only proof. Locked, so a reopen
     * waits until the port is free to bind again.
     */
    private void awaitRefused(Thread stopper) {
        InetAddress bound = new InetSocketAddress(host, port).getAddress();
        InetAddress target = bound == null || bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
        // Once the stopper is done, the server's selector is closed and the socket with it.
        while (stopper.isAlive()) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(target, port), PROBE_TIMEOUT_MS);
            } catch (ConnectException e) {
                return;
            } catch (IOException e) {
                // Accepted into the old backlog and then reset as the socket went: not closed until refused.
            }
            sleepBriefly();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops for good, at once: the port, its connections and the worker threads. */
    public void shutdown() {
        synchronized (this) {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
        workers.shutdownNow();
    }
}
