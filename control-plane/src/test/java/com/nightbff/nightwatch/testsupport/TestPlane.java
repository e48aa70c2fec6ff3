package com.nightbff.nightwatch.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a plane under test stands on: a database of its own on the local PostgreSQL and a content
 * repository from the minimal valid case. Held in a static field, registered in the test's
 * {@code @DynamicPropertySource}, closed in its {@code @AfterAll}.
 */
public final class TestPlane implements AutoCloseable {

    private final String database;
    private final ContentRepoFixture content;

    private TestPlane(String database, ContentRepoFixture content) {
        this.database = database;
        this.content = content;
    }

    public static TestPlane withValidContent(String databasePrefix) {
        return new TestPlane(LocalPostgres.createDatabase(databasePrefix), ContentRepoFixture.fromCase("valid"));
    }

    /** The store, the content repository and a fresh data folder. */
    public void register(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("nw-data").toString();
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> LocalPostgres.USER);
        registry.add("nightwatch.content.uri", () -> content.dir().toString());
        registry.add("nightwatch.data-dir", () -> dataDir);
    }

    public ContentRepoFixture content() {
        return content;
    }

    @Override
    public void close() {
        content.close();
        LocalPostgres.dropDatabase(database);
    }
}
