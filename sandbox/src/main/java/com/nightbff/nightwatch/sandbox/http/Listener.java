package com.nightbff.nightwatch.sandbox.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port that can be closed and reopened. The JDK server cannot restart once stopped, so reopening
 * binds a fresh one with the same handler; the worker threads survive across both.
 */
public final class Listener {

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
            Thread t = new Thread(r, name + "-http-" + counter.incrementAndGet());
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

    /** Returns whether the port was open before. */
    public synchronized boolean close() {
        if (server == null) {
            return false;
        }
        server.stop(0);
        server = null;
        return true;
    }

    /** Stops for good: the port and the worker threads. */
    public void shutdown() {
        close();
        workers.shutdownNow();
    }
}
