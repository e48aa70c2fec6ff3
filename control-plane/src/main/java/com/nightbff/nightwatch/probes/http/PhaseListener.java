package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.PhaseTimings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.EventListener;

/**
 * Timestamps one call's events. OkHttp reports response headers once they are read, which is
 * the first response byte plus header parsing; "processing" therefore runs from the end of the
 * request write to that point, and "transfer" from there to the end of the body, as in
 * blackbox_exporter. The body end is marked by the prober, which reads the body itself.
 */
final class PhaseListener extends EventListener {

    private long dnsStart;
    private long dnsEnd;
    private long connectStart;
    private long secureStart;
    private long secureEnd;
    private long connectEnd;
    private long requestEnd;
    private long firstByte;
    private long bodyEnd;
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
        connectStart = System.nanoTime();
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
    public void requestHeadersEnd(Call call, Request request) {
        requestEnd = System.nanoTime();
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        requestEnd = System.nanoTime();
    }

    @Override
    public void responseHeadersStart(Call call) {
        if (firstByte == 0) {
            firstByte = System.nanoTime();
        }
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        reused = connectStart == 0;
    }

    /**
     * Whether the call failed on a pooled connection before any response came: the target had closed
     * it after the previous step (HTTP/1.0, a keep-alive timeout), which says nothing about the target.
     */
    boolean staleConnection() {
        return reused && !headersReceived;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        headersReceived = true;
        if (firstByte == 0) {
            firstByte = System.nanoTime();
        }
    }

    void bodyRead() {
        bodyEnd = System.nanoTime();
    }

    PhaseTimings timings() {
        long resolve = span(dnsStart, dnsEnd);
        long tcpEnd = secureStart != 0 ? secureStart : connectEnd;
        long connect = span(connectStart, tcpEnd);
        long tls = span(secureStart, secureEnd);
        long processing = span(requestEnd, firstByte);
        long transfer = span(firstByte, bodyEnd);
        return new PhaseTimings(resolve, connect, tls, processing, transfer);
    }

    private static long span(long start, long end) {
        return start != 0 && end >= start ? end - start : 0;
    }
}
