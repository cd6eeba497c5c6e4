package io.tandem.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The providers leads sign in with, from the settings the chat platforms already have: "Sign in with Slack" when
 * the Slack app's client id and secret are set ({@code tandem.slack.client-id}, the same app that is installed),
 * Microsoft Entra ID when Teams is ({@code tandem.teams.app-id}, the Azure Bot's app registration). Each can be
 * given its own app with {@code tandem.dashboard.slack.*} or {@code tandem.dashboard.entra.*}, and pointed at
 * another OpenID Connect issuer with {@code issuer-uri} (read by discovery: a proxy, or the tests' provider).
 */
final class DashboardClients {

    static final String SLACK_ISSUER = "https://slack.com";
    static final String ENTRA_HOST = "https://login.microsoftonline.com/";
    static final String REDIRECT = "{baseUrl}/dashboard/oauth2/code/{registrationId}";
    private static final Pattern TENANT = Pattern.compile("[0-9a-fA-F-]{36}");

    private DashboardClients() {}

    /** The providers configured, in the order the sign-in page offers them; none in local mode (demo only). */
    record Providers(List<ClientRegistration> all) {
        Optional<ClientRegistrationRepository> repository() {
            return all.isEmpty() ? Optional.empty() : Optional.of(new InMemoryClientRegistrationRepository(all));
        }
    }

    static Providers from(Environment env) {
        List<ClientRegistration> registrations = new ArrayList<>();
        slack(env).ifPresent(registrations::add);
        entra(env).ifPresent(registrations::add);
        return new Providers(List.copyOf(registrations));
    }

    static Optional<ClientRegistration> slack(Environment env) {
        String id = first(env, "tandem.dashboard.slack.client-id", "tandem.slack.client-id");
        String secret = first(env, "tandem.dashboard.slack.client-secret", "tandem.slack.client-secret");
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        String issuer = env.getProperty("tandem.dashboard.slack.issuer-uri", "").strip();
        ClientRegistration.Builder b = issuer.isEmpty()
                ? ClientRegistration.withRegistrationId(SignedIn.SLACK)
                        .authorizationUri(SLACK_ISSUER + "/openid/connect/authorize")
                        .tokenUri(SLACK_ISSUER + "/api/openid.connect.token")
                        .jwkSetUri(SLACK_ISSUER + "/openid/connect/keys")
                        .issuerUri(SLACK_ISSUER)
                : ClientRegistrations.fromOidcIssuerLocation(issuer).registrationId(SignedIn.SLACK);
        return Optional.of(signIn(b, id, secret, "Slack"));
    }

    static Optional<ClientRegistration> entra(Environment env) {
        String id = first(env, "tandem.dashboard.entra.client-id", "tandem.teams.app-id");
        String secret = first(env, "tandem.dashboard.entra.client-secret", "tandem.teams.app-password");
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        String issuer = env.getProperty("tandem.dashboard.entra.issuer-uri", "").strip();
        String tenant = first(env, "tandem.dashboard.entra.tenant-id", "tandem.teams.tenant-id");
        ClientRegistration.Builder b;
        if (!issuer.isEmpty()) {
            b = ClientRegistrations.fromOidcIssuerLocation(issuer).registrationId(SignedIn.ENTRA);
        } else if (TENANT.matcher(tenant).matches()) {
            // single tenant (what Azure creates now): that tenant's endpoints, and its issuer checked as usual
            String base = ENTRA_HOST + tenant;
            b = ClientRegistration.withRegistrationId(SignedIn.ENTRA)
                    .authorizationUri(base + "/oauth2/v2.0/authorize")
                    .tokenUri(base + "/oauth2/v2.0/token")
                    .jwkSetUri(base + "/discovery/v2.0/keys")
                    .issuerUri(base + "/v2.0");
        } else {
            // multi-tenant: the issuer names the member's own tenant, checked by EntraIssuer below
            b = ClientRegistration.withRegistrationId(SignedIn.ENTRA)
                    .authorizationUri(ENTRA_HOST + "organizations/oauth2/v2.0/authorize")
                    .tokenUri(ENTRA_HOST + "organizations/oauth2/v2.0/token")
                    .jwkSetUri(ENTRA_HOST + "common/discovery/v2.0/keys");
        }
        return Optional.of(signIn(b, id, secret, "Microsoft"));
    }

    /** What both providers share: the code flow, the secret in the form, who you are and nothing more. */
    private static ClientRegistration signIn(ClientRegistration.Builder b, String id, String secret, String name) {
        return b.clientId(id)
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT)
                .scope("openid", "profile", "email")
                .userNameAttributeName("sub")
                .clientName(name)
                .build();
    }

    private static String first(Environment env, String... keys) {
        for (String key : keys) {
            String value = env.getProperty(key, "").strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    /**
     * For a multi-tenant Entra app, whose ID tokens come from many issuers: the issuer must be the one of the
     * tenant the token names ({@code https://login.microsoftonline.com/<tid>/v2.0}), as Microsoft asks apps to
     * check, so a token cannot claim one tenant while coming from another.
     */
    static final class EntraIssuer implements OAuth2TokenValidator<Jwt> {
        @Override
        public OAuth2TokenValidatorResult validate(Jwt token) {
            Object tid = token.getClaims().get("tid");
            String issuer = token.getClaims().get("iss") == null
                    ? ""
                    : token.getClaims().get("iss").toString();
            if (tid instanceof String t && TENANT.matcher(t).matches() && issuer.equals(ENTRA_HOST + t + "/v2.0")) {
                return OAuth2TokenValidatorResult.success();
            }
            return OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_id_token", "The ID token's issuer is not its tenant's", null));
        }
    }
}
