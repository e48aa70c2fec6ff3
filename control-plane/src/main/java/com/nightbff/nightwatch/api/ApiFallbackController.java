package com.nightbff.nightwatch.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any path under /api that no endpoint claims answers with a JSON 404, not the console's HTML error
 * page (more specific mappings always win over this pattern). OPTIONS is named explicitly: Spring MVC never
 * lets a mapping without methods match it and would answer 200 with an Allow header instead, where
 * docs/api.md promises every other method a 404.
 */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    ApiError notFound(HttpServletRequest request) {
        throw ApiException.notFound("no endpoint " + request.getMethod() + " " + request.getRequestURI() + "; see docs/api.md");
    }

    @RequestMapping(path = "/api/**", method = RequestMethod.OPTIONS)
    ApiError options(HttpServletRequest request) {
        return notFound(request);
    }
}
