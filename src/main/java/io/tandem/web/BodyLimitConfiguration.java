package io.tandem.web;

import io.tandem.config.TandemProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The body limit on the platform endpoints, right after the character-encoding filter (which reads nothing), so
 * no other filter, servlet or controller reads a body over {@code tandem.http.max-body}.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

    static final String[] PATHS = {"/slack/events", "/api/messages"};

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(TandemProperties properties) {
        FilterRegistrationBean<BodyLimitFilter> bean = new FilterRegistrationBean<>(
                new BodyLimitFilter(properties.http().maxBody().toBytes()));
        bean.addUrlPatterns(PATHS);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }
}
