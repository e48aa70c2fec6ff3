package com.nightbff.nightwatch.system;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code nightwatch.*}. Defaults give the zero-config run: data under
 * {@code .nightwatch/}, content seeded from the current directory, polled every 30 s.
 */
@ConfigurationProperties("nightwatch")
public record NightwatchProperties(
        @DefaultValue(".nightwatch") String dataDir,
        @DefaultValue Content content,
        @DefaultValue Security security) {

    /** Where content comes from. An empty uri means: seed a repository under the data folder from seedDir. */
    public record Content(
            @DefaultValue("") String uri,
            @DefaultValue("main") String branch,
            @DefaultValue("30s") Duration pollInterval,
            @DefaultValue(".") String seedDir,
            @DefaultValue("") String username,
            @DefaultValue("") String token) {
    }

    /**
     * Console users (when none are configured a single bootstrap admin is created), and how many failed
     * sign-ins or API token checks one client address may make within the window before it is refused
     * until the window has passed.
     */
    public record Security(@DefaultValue List<User> users, @DefaultValue("10") int maxFailures,
                           @DefaultValue("5m") Duration failureWindow) {
    }

    /** A configured user: a bcrypt hash, never a clear-text password. */
    public record User(String username, String passwordHash, List<String> roles) {
        @Override
        public String toString() {
            return "User[" + username + ", roles=" + roles + "]";
        }
    }
}
