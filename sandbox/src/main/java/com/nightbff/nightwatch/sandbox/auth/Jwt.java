package com.nightbff.nightwatch.sandbox.auth;

import com.nightbff.nightwatch.sandbox.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** Minimal HS256 JWTs: enough to issue and check NightBFF-like access tokens without a library. */
public final class Jwt {

    public static final long TTL_SECONDS = 3600;
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = ENC.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] secret;
    private final Clock clock;
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::newMac);

    public Jwt(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public String issue(long userId, String email) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", Long.toString(userId));
        claims.put("email", email);
        claims.put("iat", now);
        claims.put("exp", now + TTL_SECONDS);
        String payload = ENC.encodeToString(Json.write(claims));
        return HEADER + "." + payload + "." + sign(HEADER + "." + payload);
    }

    /** The verified principal, or empty for a bad signature, a malformed token or an expired one. */
    public Optional<Principal> verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            return Optional.empty();
        }
        byte[] expected = sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims.path("exp").asLong(0) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Principal(Long.parseLong(claims.path("sub").asString()), claims.path("email").asString()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String sign(String data) {
        return ENC.encodeToString(mac.get().doFinal(data.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A keyed Mac per thread: every protected request verifies a token, so it is not rebuilt per call. */
    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
