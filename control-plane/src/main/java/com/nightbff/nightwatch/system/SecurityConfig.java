package com.nightbff.nightwatch.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console is behind form login; only health and the Prometheus scrape endpoint are public
 * (Prometheus scrapes without credentials). CSRF stays on for every form, and a strict CSP forbids
 * inline script, so an injected string in content or a probe response cannot run in an SRE's browser.
 * The API under /api/** has its own stateless chain (package api), consulted before this one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Shared by console sign-in and API tokens, each under its own key prefix. */
    @Bean
    FailureThrottle failureThrottle(NightwatchProperties properties, java.time.Clock clock) {
        return new FailureThrottle(properties.security().maxFailures(), properties.security().failureWindow(), 10_000, clock);
    }

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, FailureThrottle throttle, AuditLog audit) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
                        .requestMatchers("/actuator/**", "/admin/**").hasRole(Roles.ADMIN)
                        .anyRequest().hasRole(Roles.VIEWER))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(new LoginFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new ConsoleAccessDeniedHandler(audit)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Roles.hierarchy());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }
}
