package com.nightbff.nightwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** The audit log is readable where it is needed, by admins only: the console page and the API. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class AuditViewIT {

    static final String DB = LocalPostgres.createDatabase("nw_it_audit");

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog audit;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.datasource.url", () -> DB);
        registry.add("spring.datasource.username", () -> LocalPostgres.USER);
        registry.add("nightwatch.data-dir", Files.createTempDirectory("nw-audit-data")::toString);
        registry.add("nightwatch.content.seed-dir", () -> ContentRepoFixture.caseDir("valid").toString());
        registry.add("nightwatch.content.poll-interval", () -> "1h");
        registry.add("nightwatch.probes.enabled", () -> "false");
    }

    @AfterAll
    static void dropDatabase() {
        LocalPostgres.dropDatabase(DB);
    }

    @Test
    void adminsReadTheAuditLogNewestFirstOthersDoNot() throws Exception {
        audit.record("alice", "probe.run", "auth-login", "success", null);
        audit.record("bob", "token.create", "ci <deploy>", "ok", "role VIEWER");

        String page = mvc.perform(get("/audit").with(user("root").roles("ADMIN"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("token.create").contains("ci &lt;deploy&gt;").doesNotContain("ci <deploy>");
        assertThat(page.indexOf("token.create")).isLessThan(page.indexOf("probe.run"));
        assertThat(page).contains("id=\"nav-audit\"");

        String json = mvc.perform(get("/api/v1/audit?limit=1").with(user("root").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"actor\":\"bob\"").doesNotContain("alice");
        mvc.perform(get("/api/v1/audit?limit=0").with(user("root").roles("ADMIN"))).andExpect(status().isBadRequest());

        mvc.perform(get("/audit").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
        String home = mvc.perform(get("/").with(user("op").roles("OPERATOR"))).andReturn().getResponse().getContentAsString();
        assertThat(home).doesNotContain("id=\"nav-audit\"");
    }
}
