package com.nightbff.nightwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.nightbff.nightwatch.testsupport.ContentRepoFixture;
import com.nightbff.nightwatch.testsupport.LocalPostgres;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A plane whose repository has never held a valid revision: nothing is active, and every page says
 * so and where the reason is, rather than reading as content that merely defines no probe.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class NoActiveContentIT {

    private static final String DB = LocalPostgres.createDatabase("nw_it_no_content");
    private static final ContentRepoFixture REPO = ContentRepoFixture.fromCase("wrong_type");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.datasource.url", () -> DB);
        registry.add("spring.datasource.username", () -> LocalPostgres.USER);
        registry.add("nightwatch.content.uri", () -> REPO.dir().toString());
        registry.add("nightwatch.content.poll-interval", () -> "1h");
        String dataDir = Files.createTempDirectory("nw-no-content-data").toString();
        registry.add("nightwatch.data-dir", () -> dataDir);
    }

    @AfterAll
    static void cleanUp() {
        REPO.close();
        LocalPostgres.dropDatabase(DB);
    }

    @Autowired
    ContentCatalog catalog;
    @Autowired
    MockMvc mvc;

    @Test
    void theProbesPageSaysNothingIsActiveAndPointsAtWhy() throws Exception {
        assertThat(catalog.active()).isEmpty();

        String probes = mvc.perform(get("/probes").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(probes).contains("id=\"probes-no-content\"", "No content is active, so no probe runs", "GET /api/v1/content",
                "id=\"content-none\"", "The newest revision was rejected; its problems are listed below.", "id=\"content-rejected\"",
                "fleet.yaml:9:15: services[0].replicas: wrong_type").doesNotContain("defines no probe");
        String health = mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(health, "$.components.content.status")).isEqualTo("DOWN");
    }
}
