package com.nightbff.nightwatch.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RequestAndOptionsTest {

    @Test
    void queryStringsAreDecoded() {
        assertThat(Request.parseQuery("address=Test%20Destination+City%201&x")).containsEntry("address", "Test Destination City 1")
                .containsEntry("x", "");
    }

    @Test
    void databaseErrorsKeepTheirSqlState() {
        Reply reply = new Dispatcher("user").toReply(new SQLException("FATAL: sorry, too many clients already", "53300"));
        String body = new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(reply.status()).isEqualTo(500);
        assertThat(body).contains("\"statusCode\":500", "\"code\":\"53300\"", "too many clients", "\"error\":");
    }
}
