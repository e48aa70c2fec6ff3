package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.system.AuditLog;
import com.nightbff.nightwatch.system.FailureThrottle;
import com.nightbff.nightwatch.system.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API's own filter chain, consulted before the console's: bearer tokens only, stateless, so no
 * session, no form login, no redirect to /login and no CSRF (there is no ambient credential a
 * forged cross-site request could ride on). Every denial is JSON; every one that presented a credential
 * or a token is audited.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    /** JSON is never a document to render; should a browser try, it may load nothing. */
    static final String JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, AuditLog audit, FailureThrottle throttle) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/content/poll", "/api/v1/probes/*/run").hasRole(Roles.OPERATOR)
                        .anyRequest().hasRole(Roles.VIEWER))
                .addFilterBefore(new BearerTokenFilter(tokens, audit, throttle), AnonymousAuthenticationFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        // Only requests without any credential get here (BearerTokenFilter answers the rest), so not audited.
                        .authenticationEntryPoint((request, response, e) -> ApiError.write(response, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "send an API token as 'Authorization: Bearer nwt_…'"))
                        .accessDeniedHandler((request, response, e) -> {
                            var authentication = SecurityContextHolder.getContext().getAuthentication();
                            String actor = authentication == null ? "anonymous" : authentication.getName();
                            audit.record(actor, "api.auth", BearerTokenFilter.target(request), "forbidden", "role too low");
                            ApiError.write(response, HttpStatus.FORBIDDEN, "forbidden", "this token's role may not do this");
                        }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(JSON_CSP)));
        return http.build();
    }
}
