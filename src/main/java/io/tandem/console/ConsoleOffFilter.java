package io.tandem.console;

import java.io.IOException;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** With the console off, its page is not served either (the API is not mapped at all). */
@Component
@ConditionalOnBooleanProperty(name = "tandem.console.enabled", havingValue = false)
class ConsoleOffFilter extends OncePerRequestFilter {

    private static final Set<String> PAGE = Set.of("/", "/index.html", "/console.js", "/console.css");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (PAGE.contains(request.getRequestURI()) || request.getRequestURI().startsWith("/api/console")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
