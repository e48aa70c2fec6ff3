package com.nightbff.nightwatch.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Three configured users, one per role, as a real deployment declares them (bcrypt hashes, no clear text). */
public final class TestUsers {

    public static final Map<String, String> PASSWORDS = Map.of("root", "it-root-password", "oscar", "it-operator-password",
            "vera", "it-viewer-password");

    private TestUsers() {
    }

    /** root (ADMIN), oscar (OPERATOR) and vera (VIEWER); bcrypt at cost 4 keeps test start-up fast. */
    public static void register(DynamicPropertyRegistry registry) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        List<List<String>> users = List.of(List.of("root", "ADMIN"), List.of("oscar", "OPERATOR"), List.of("vera", "VIEWER"));
        for (int i = 0; i < users.size(); i++) {
            String name = users.get(i).get(0);
            String hash = bcrypt.encode(PASSWORDS.get(name));
            String role = users.get(i).get(1);
            registry.add("nightwatch.security.users[" + i + "].username", () -> name);
            registry.add("nightwatch.security.users[" + i + "].password-hash", () -> hash);
            registry.add("nightwatch.security.users[" + i + "].roles", () -> role);
        }
    }
}
