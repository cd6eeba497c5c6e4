package io.tandem.dashboard;

import io.tandem.engine.StoreUnavailableException;
import io.tandem.programme.Programme;
import jakarta.servlet.DispatcherType;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Security for {@code /dashboard/**} only (the chat platforms' endpoints keep their own checks): every page needs a
 * signed-in programme lead of the member's own workspace, checked on each request so a lead removed in chat loses
 * access at once; everyone else signed in gets the polite 403 page; CSRF on every form, sign-out by POST.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DashboardSecurity {

    static final String SIGN_IN = "/dashboard/sign-in";
    static final String FORBIDDEN = "/dashboard/forbidden";
    static final String EXPIRED = "/dashboard/expired";
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @Bean
    DashboardClients.Providers dashboardProviders(Environment env) {
        return DashboardClients.from(env);
    }

    @Bean
    SecurityContextRepository dashboardContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain dashboardChain(
            HttpSecurity http,
            DashboardClients.Providers providers,
            Programme programme,
            SecurityContextRepository contexts)
            throws Exception {
        Optional<ClientRegistrationRepository> clients = providers.repository();
        http.securityMatcher("/dashboard", "/dashboard/**")
                .securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(SIGN_IN, DemoSignIn.PATH, FORBIDDEN, EXPIRED, "/dashboard/assets/**")
                        .permitAll()
                        .anyRequest()
                        .access(leads(programme)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler(denied()))
                .logout(l -> l.logoutUrl("/dashboard/sign-out").logoutSuccessUrl(SIGN_IN + "?signed-out"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable());
        if (clients.isPresent()) {
            http.oauth2Login(o -> o.clientRegistrationRepository(clients.get())
                    .loginPage(SIGN_IN)
                    .authorizationEndpoint(a -> a.baseUri("/dashboard/oauth2/authorization"))
                    .redirectionEndpoint(r -> r.baseUri("/dashboard/oauth2/code/*"))
                    .defaultSuccessUrl("/dashboard", true)
                    .failureUrl(SIGN_IN + "?failed"));
        }
        return http.build();
    }

    /** A form without its CSRF token (or an old one) is told the page expired; anyone else, that it is for leads. */
    private static AccessDeniedHandler denied() {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage(FORBIDDEN);
        AccessDeniedHandlerImpl expired = new AccessDeniedHandlerImpl();
        expired.setErrorPage(EXPIRED);
        LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> handlers = new LinkedHashMap<>();
        handlers.put(CsrfException.class, expired);
        return new DelegatingAccessDeniedHandler(handlers, forbidden);
    }

    /** Signed in, and a lead of their own workspace right now. */
    private static AuthorizationManager<RequestAuthorizationContext> leads(Programme programme) {
        return (authentication, context) -> {
            boolean lead;
            try {
                lead = SignedIn.member(authentication.get())
                        .map(programme::isLead)
                        .orElse(false);
            } catch (StoreUnavailableException e) {
                lead = false;
            }
            return new AuthorizationDecision(lead);
        };
    }

    /**
     * ID tokens are checked as usual (signature, audience, expiry, the provider's issuer); a multi-tenant Entra app
     * has no one issuer, so its tokens must come from the tenant they name.
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> dashboardIdTokens() {
        OidcIdTokenDecoderFactory tokens = new OidcIdTokenDecoderFactory();
        tokens.setJwtValidatorFactory(
                registration -> registration.getRegistrationId().equals(SignedIn.ENTRA)
                                && registration.getProviderDetails().getIssuerUri() == null
                        ? new DelegatingOAuth2TokenValidator<>(
                                new JwtTimestampValidator(),
                                new OidcIdTokenValidator(registration),
                                new DashboardClients.EntraIssuer())
                        : new DelegatingOAuth2TokenValidator<>(
                                new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
        return tokens;
    }
}
