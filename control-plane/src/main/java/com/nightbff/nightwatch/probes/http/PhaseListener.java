package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.PhaseTimings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Timestamps one call's events. OkHttp reports response headers once they are read, which is
 * the first response byte plus header parsing; "processing" therefore runs from the end of the
 * request write to that point, and "transfer" from there to the end of the body, as in
 * blackbox_exporter. The body end is marked by the prober, which reads the body itself.
 * A call that fails (a timeout cancels it) ends the phase it was in at the failure: a target that
 * never answers shows its wait as processing, a body that stalls shows it as transfer. Phases the
 * call never reached are null, not 0.
 */
final class PhaseListener extends EventListener {

    /** Not yet seen; System.nanoTime() may be any value, 0 included. */
    private static final long UNSET = Long.MIN_VALUE;

    private long dnsStart = UNSET;
    private long dnsEnd = UNSET;
    private long connectStart = UNSET;
    private long secureStart = UNSET;
    private long secureEnd = UNSET;
    private long connectEnd = UNSET;
    private long requestEnd = UNSET;
    private long firstByte = UNSET;
    private long bodyEnd = UNSET;
    private long failedAt = UNSET;
    private boolean requestFailed;
    private boolean reused;
    private boolean headersReceived;

    @Override
    public void dnsStart(Call call, String domainName) {
        dnsStart = System.nanoTime();
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> inetAddressList) {
        dnsEnd = System.nanoTime();
    }

    @Override
    public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
        // The first attempt's start: when an address refuses and the next one answers, the user waited for both.
        if (connectStart == UNSET) {
            connectStart = System.nanoTime();
        }
    }

    @Override
    public void secureConnectStart(Call call) {
        secureStart = System.nanoTime();
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        secureEnd = System.nanoTime();
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress inetSocketAddress, Proxy proxy, Protocol protocol) {
        connectEnd = System.nanoTime();
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        reused = connectStart == UNSET;
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        requestEnd = System.nanoTime();
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        requestEnd = System.nanoTime();
    }

    @Override
    public void requestFailed(Call call, IOException ioe) {
        // The request was not sent whole, so the target was never asked to process it.
        requestFailed = true;
        failed();
    }

    @Override
    public void responseHeadersStart(Call call) {
        if (firstByte == UNSET) {
            firstByte = System.nanoTime();
        }
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        headersReceived = true;
        if (firstByte == UNSET) {
            firstByte = System.nanoTime();
        }
    }

    @Override
    public void responseFailed(Call call, IOException ioe) {
        failed();
    }

    // No connectFailed: a refused address is followed by the next one, so it does not end the call.

    /** The deadline fired: the call is cancelled now, its exception surfaces a moment later. */
    @Override
    public void canceled(Call call) {
        failed();
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
        failed();
    }

    /**
     * Marks the failure; the first mark wins, so the events that follow a cancellation do not stretch the
     * phase. Also called by the prober when reading the body fails, whether or not OkHttp reported it.
     */
    void failed() {
        if (failedAt == UNSET) {
            failedAt = System.nanoTime();
        }
    }

    /**
     * Whether the call failed on a pooled connection before any response came: the target had closed
     * it after the previous step (HTTP/1.0, a keep-alive timeout), which says nothing about the target.
     */
    boolean staleConnection() {
        return reused && !headersReceived;
    }

    void bodyRead() {
        bodyEnd = System.nanoTime();
    }

    PhaseTimings timings() {
        Long resolve = span(dnsStart, dnsEnd);
        Long connect = span(connectStart, secureStart != UNSET ? secureStart : connectEnd);
        Long tls = span(secureStart, secureEnd);
        Long processing = requestFailed ? null : span(requestEnd, firstByte);
        Long transfer = span(firstByte, bodyEnd);
        return new PhaseTimings(resolve, connect, tls, processing, transfer);
    }

    /** From start to end, or to the failure when the phase was under way then; null when it never started. */
    private Long span(long start, long end) {
        if (start == UNSET) {
            return null;
        }
        long stop = end != UNSET ? end : failedAt;
        return stop == UNSET ? null : Math.max(0, stop - start);
    }
}
