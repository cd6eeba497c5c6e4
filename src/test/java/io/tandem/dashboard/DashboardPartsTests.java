package io.tandem.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/** The dashboard's parts on their own: who a token names, the multi-tenant issuer check, the charts' masking. */
class DashboardPartsTests {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String OTHER = "11111111-86f1-41af-91ab-2d7cd011db47";

    private static Jwt entraToken(Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now());
        claims.forEach(b::claim);
        return b.build();
    }

    @Test
    void aMultiTenantEntraTokenMustComeFromTheTenantItNames() {
        DashboardClients.EntraIssuer check = new DashboardClients.EntraIssuer();
        String own = DashboardClients.ENTRA_HOST + TENANT + "/v2.0";
        assertThat(check.validate(entraToken(Map.of("tid", TENANT, "iss", own))).hasErrors())
                .isFalse();
        assertThat(check.validate(entraToken(Map.of("tid", OTHER, "iss", own))).hasErrors())
                .as("a token naming another tenant than its issuer's")
                .isTrue();
        assertThat(check.validate(entraToken(Map.of("iss", own))).hasErrors()).isTrue();
        assertThat(check.validate(entraToken(Map.of("tid", "../" + TENANT, "iss", own)))
                        .hasErrors())
                .isTrue();
    }

    private static OAuth2AuthenticationToken signedIn(String provider, Map<String, Object> claims) {
        OidcIdToken token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), claims);
        DefaultOidcUser user = new DefaultOidcUser(List.of(), token);
        return new OAuth2AuthenticationToken(user, List.of(), provider);
    }

    @Test
    void theMemberATokenNamesIsThePlatformsOwnIdAndNothingThatReadsAsAnother() {
        assertThat(SignedIn.member(signedIn(
                        "slack",
                        Map.of("sub", "U1", "https://slack.com/team_id", "T1", "https://slack.com/user_id", "U1"))))
                .contains(new MemberId("slack:T1", "U1"));
        assertThat(SignedIn.member(signedIn("entra", Map.of("sub", "x", "tid", TENANT, "oid", "o-1"))))
                .contains(new MemberId("teams:" + TENANT, "o-1"));
        // a team id with a colon would name another workspace; a user that is a channel or the former-member mark
        for (Map<String, Object> claims : List.of(
                Map.<String, Object>of(
                        "sub", "U1", "https://slack.com/team_id", "T1:U9", "https://slack.com/user_id", "U1"),
                Map.<String, Object>of(
                        "sub", "U1", "https://slack.com/team_id", "T1", "https://slack.com/user_id", "#C1"),
                Map.<String, Object>of(
                        "sub", "U1", "https://slack.com/team_id", "T1", "https://slack.com/user_id", "~former"),
                Map.<String, Object>of("sub", "U1", "https://slack.com/user_id", "U1"))) {
            assertThat(SignedIn.member(signedIn("slack", claims)))
                    .as(claims.toString())
                    .isEmpty();
        }
        assertThat(SignedIn.member(signedIn("another", Map.of("sub", "U1", "tid", TENANT, "oid", "o-1"))))
                .isEmpty();
    }

    @Property(tries = 200)
    void aChartNeverTellsAFigureUnderFive(
            @ForAll @IntRange(min = 1, max = 4) int few, @ForAll @IntRange(min = 5, max = 400) int many) {
        String withFew = SvgChart.bars(
                "c", "t", "d", List.of("a", "b"), List.of(new SvgChart.Series("s", List.of((long) few, (long) many))));
        String withFive = SvgChart.bars(
                "c", "t", "d", List.of("a", "b"), List.of(new SvgChart.Series("s", List.of(5L, (long) many))));
        // the bar of 1 to 4 is the bar of 5, only paler, and its label is "<5"
        assertThat(withFew.replace(SvgChart.PALE[0], SvgChart.COLOURS[0]).replace("&lt;5", "5"))
                .isEqualTo(withFive);
        assertThat(withFew).contains("&lt;5").doesNotContain("class=\"value\" text-anchor=\"middle\">" + few + "<");
    }

    @Test
    void everyTextOfAChartIsEscaped() {
        String svg = SvgChart.bars(
                "c",
                "<script>alert(1)</script>",
                "\" onload=\"x",
                List.of("<img src=x onerror=alert(1)>"),
                List.of(new SvgChart.Series("a&b", List.of(7L)), new SvgChart.Series("'q'", List.of(0L))));
        assertThat(svg)
                .doesNotContain("<script>", "<img", "\" onload=", "a&b")
                .contains("&lt;script&gt;", "a&amp;b", "&#39;q&#39;");
    }
}
