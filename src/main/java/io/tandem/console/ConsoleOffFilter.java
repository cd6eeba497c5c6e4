package io.tandem.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With the console off, its page is not served either (the API is not mapped at all). The decision is made on
 * the decoded, normalised path, as the resource handler will resolve it: {@code //index.html},
 * {@code /%69ndex.html} or {@code /console/../index.html} are the page too.
 */
@Component
@Conditional(ConsoleConditions.Off.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ConsoleOffFilter extends OncePerRequestFilter {

    private static final Set<String> PAGE = Set.of("/", "/index.html", "/console.js", "/console.css");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = normalised(request);
        if (PAGE.contains(path) || path.equals("/api/console") || path.startsWith("/api/console/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The servlet container's decoded path, normalised once more and lower-cased; "/" when it cannot be read. */
    static String normalised(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        path = path.replace('\\', '/').replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
        try {
            path = new URI(null, null, path.isEmpty() ? "/" : path, null)
                    .normalize()
                    .getPath();
        } catch (URISyntaxException e) {
            return "/";
        }
        while (path.startsWith("/../")) {
            path = path.substring(3);
        }
        if (path.isEmpty() || !path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.toLowerCase(Locale.ROOT);
    }
}
