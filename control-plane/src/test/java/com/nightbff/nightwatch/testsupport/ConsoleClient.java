package com.nightbff.nightwatch.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client for the console: keeps cookies, follows no redirects, sends CSRF tokens. */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final String forwardedFor;
    private final HttpClient http;
    private String accept;

    public ConsoleClient(int port) {
        this(port, null);
    }

    /**
     * A client that claims to come from {@code forwardedFor} through a proxy (X-Forwarded-For), so tests
     * can be distinct clients on one machine; the plane honours it only with server.forward-headers-strategy=native.
     */
    public ConsoleClient(int port, String forwardedFor) {
        this.base = "http://127.0.0.1:" + port;
        this.forwardedFor = forwardedFor;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Asks for HTML as a browser does, so errors come as the console's error page rather than Spring's JSON. */
    public ConsoleClient acceptingHtml() {
        this.accept = "text/html,application/xhtml+xml,*/*;q=0.8";
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** POSTs a form; with {@code withCsrf} the token is taken from the page at {@code tokenFrom} first. */
    public HttpResponse<String> post(String path, String form, String tokenFrom) {
        String body = form;
        if (tokenFrom != null) {
            Matcher m = CSRF.matcher(get(tokenFrom).body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on " + tokenFrom);
            }
            body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in through the login form; returns where the server redirected to. */
    public String login(String username, String password) {
        HttpResponse<String> response = post("/login", "username=" + enc(username) + "&password=" + enc(password), "/login");
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
