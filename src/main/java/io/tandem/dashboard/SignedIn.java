package io.tandem.dashboard;

import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as a Tandem member: Slack's OpenID Connect names the team and the user
 * ({@code slack:T…:U…}), Entra ID the tenant and the object id ({@code teams:<tenant>:<aad id>}, the id Teams
 * gives a bot too); the demo sign-in carries the member itself. Anything else is nobody.
 */
final class SignedIn {

    static final String SLACK = "slack";
    static final String ENTRA = "entra";
    static final String SLACK_TEAM = "https://slack.com/team_id";
    static final String SLACK_USER = "https://slack.com/user_id";

    private SignedIn() {}

    static Optional<MemberId> member(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        if (auth instanceof UsernamePasswordAuthenticationToken demo && demo.getPrincipal() instanceof DemoLead lead) {
            return MemberId.parse(lead.member());
        }
        if (auth instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            Map<String, Object> claims = user.getClaims();
            return switch (token.getAuthorizedClientRegistrationId()) {
                case SLACK ->
                    id(Platform.SLACK, claims.get(SLACK_TEAM), claims.getOrDefault(SLACK_USER, user.getSubject()));
                case ENTRA -> id(Platform.TEAMS, claims.get("tid"), claims.get("oid"));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static Optional<MemberId> id(Platform platform, Object workspace, Object user) {
        if (!(workspace instanceof String ws) || !(user instanceof String u) || ws.isBlank() || u.isBlank()) {
            return Optional.empty();
        }
        // ids from the provider are checked as any platform id is: nothing that could read as another member
        if (ws.contains(":") || u.contains(":") || u.startsWith("#") || u.startsWith("~")) {
            return Optional.empty();
        }
        return Optional.of(MemberId.of(platform, ws, u));
    }

    /** The principal of the demo sign-in (pure local mode only): the member's id, as text so sessions can keep it. */
    record DemoLead(String member) implements java.io.Serializable {
        @Override
        public String toString() {
            return member;
        }
    }
}
