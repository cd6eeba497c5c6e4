package io.tandem.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.MemberId;
import io.tandem.modules.ModuleStore;
import io.tandem.modules.Modules;
import io.tandem.programme.Programme;
import io.tandem.programme.ProgrammeSettings;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.Ports;
import io.tandem.support.TestDataDirs;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in to the dashboard through a real OpenID Connect provider started by the test (mock-oauth2-server), in
 * production mode: Slack and Teams on, the console and the demo sign-in off. Leads and non-leads have ids that are
 * prefixes of each other, and the same user id in another workspace is another person.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.demo.enabled=false",
            "tandem.slack.bot-token=xoxb-dashboard-1",
            "tandem.slack.signing-secret=sign-dashboard-1",
            "tandem.slack.client-id=" + DashboardSignInTests.SLACK_CLIENT,
            "tandem.slack.client-secret=slack-secret-1",
            "tandem.teams.app-id=" + DashboardSignInTests.TEAMS_APP,
            "tandem.teams.app-password=teams-secret-1",
            "tandem.teams.tenant-id=" + DashboardSignInTests.TENANT,
            "tandem.leads=slack:T1:U1,teams:" + DashboardSignInTests.TENANT + ":" + DashboardSignInTests.TEAMS_LEAD
        })
class DashboardSignInTests {

    static final String SLACK_CLIENT = "1234.5678";
    static final String TEAMS_APP = "11111111-2222-3333-4444-555555555555";
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String TEAMS_LEAD = "aaaaaaaa-0000-4000-8000-000000000001";
    static final String TEAMS_MEMBER = "aaaaaaaa-0000-4000-8000-000000000002";
    static final List<String> PAGES = List.of(
            "/dashboard",
            "/dashboard/programmes",
            "/dashboard/members",
            "/dashboard/settings",
            "/dashboard/delivery",
            "/dashboard/exports");

    static final MockOAuth2Server idp = startIdp();
    static final FakeSlackApi slack = FakeSlackApi.start();

    private static MockOAuth2Server startIdp() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start(Ports.free());
        return server;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add(
                "tandem.data-dir", () -> TestDataDirs.fresh("dashboard-sign-in").toString());
        registry.add("tandem.slack.api-url", slack::apiUrl);
        registry.add(
                "tandem.dashboard.slack.issuer-uri",
                () -> idp.issuerUrl("slack").toString());
        registry.add(
                "tandem.dashboard.entra.issuer-uri",
                () -> idp.issuerUrl("entra").toString());
    }

    @AfterAll
    static void stop() {
        idp.shutdown();
        slack.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Programme programme;

    @Autowired
    ProgrammeSettings settings;

    @Autowired
    Modules modules;

    @Autowired
    ModuleStore moduleStore;

    /** Signs in with the provider as a person with these claims; returns the answer to the provider's redirect. */
    private HttpResponse<String> signIn(SignInClient c, String provider, String audience, Map<String, Object> claims) {
        HttpResponse<String> start = c.get("/dashboard/oauth2/authorization/" + provider);
        assertThat(start.statusCode()).isEqualTo(302);
        String subject = String.valueOf(claims.getOrDefault("https://slack.com/user_id", claims.get("oid")));
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(provider, subject, "JWT", List.of(audience), claims, 3600));
        HttpResponse<String> atProvider =
                c.get(start.headers().firstValue("Location").orElseThrow());
        assertThat(atProvider.statusCode()).isEqualTo(302);
        return c.get(atProvider.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> signInSlack(SignInClient c, String team, String user) {
        return signIn(
                c,
                "slack",
                SLACK_CLIENT,
                Map.of("https://slack.com/team_id", team, "https://slack.com/user_id", user, "name", user));
    }

    @Test
    void aSlackLeadSignsInAndSeesTheOverviewAndEveryPage() {
        SignInClient lead = new SignInClient(port);
        HttpResponse<String> back = signInSlack(lead, "T1", "U1");
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard");
        HttpResponse<String> overview = lead.get("/dashboard");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("The programme at a glance").contains("data-testid=\"trend-chart\"");
        for (String page : PAGES) {
            assertThat(lead.get(page).statusCode()).as(page).isEqualTo(200);
        }
    }

    @Test
    void anEntraLeadSignsInAsTheirTeamsMember() {
        SignInClient lead = new SignInClient(port);
        HttpResponse<String> back =
                signIn(lead, "entra", TEAMS_APP, Map.of("tid", TENANT, "oid", TEAMS_LEAD, "name", "Lea"));
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard");
        assertThat(lead.get("/dashboard").statusCode()).isEqualTo(200);

        SignInClient member = new SignInClient(port);
        signIn(member, "entra", TEAMS_APP, Map.of("tid", TENANT, "oid", TEAMS_MEMBER));
        assertThat(member.get("/dashboard").statusCode()).isEqualTo(403);
    }

    @Test
    void someoneWhoIsNotALeadGetsThePolite403PageOnEveryPageAndAction() {
        // U11 starts like the lead U1; U1 of another workspace is another person
        for (String[] who : new String[][] {{"T1", "U11"}, {"T2", "U1"}, {"T11", "U1"}}) {
            SignInClient member = new SignInClient(port);
            signInSlack(member, who[0], who[1]);
            for (String page : PAGES) {
                HttpResponse<String> r = member.get(page);
                assertThat(r.statusCode())
                        .as(page + " for " + String.join(":", who))
                        .isEqualTo(403);
                assertThat(r.body()).contains("For programme leads only").doesNotContain("Exception");
            }
            HttpResponse<String> forbidden = member.get("/dashboard/settings");
            HttpResponse<String> post = member.post(
                    "/dashboard/settings", Map.of("_csrf", SignInClient.csrf(forbidden), "setting.tip-day", "friday"));
            assertThat(post.statusCode()).isEqualTo(403);
        }
        assertThat(settings.changed("slack:T1")).doesNotContainKey("tip-day");
        assertThat(settings.changed("slack:T2")).doesNotContainKey("tip-day");
    }

    @Test
    void noPageWithoutSigningInAndNoActionEither() {
        SignInClient nobody = new SignInClient(port);
        for (String page : PAGES) {
            HttpResponse<String> r = nobody.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard/sign-in");
        }
        for (String action : List.of(
                "/dashboard/settings",
                "/dashboard/programmes",
                "/dashboard/programmes/seo/publish",
                "/dashboard/members/roster",
                "/dashboard/act")) {
            assertThat(nobody.post(action, Map.of("setting.tip-day", "friday", "name", "seo"))
                            .statusCode())
                    .as(action)
                    .isIn(302, 403);
        }
        assertThat(settings.changed("slack:T1")).doesNotContainKey("tip-day");
        HttpResponse<String> signInPage = nobody.get("/dashboard/sign-in");
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.body())
                .contains("/dashboard/oauth2/authorization/slack")
                .contains("/dashboard/oauth2/authorization/entra")
                .doesNotContain("demo-sign-in");
    }

    @Test
    void theDemoSignInDoesNotExistInProductionMode() {
        SignInClient c = new SignInClient(port);
        assertThat(c.post("/dashboard/demo-sign-in", Map.of("member", "slack:T1:U1"))
                        .statusCode())
                .isEqualTo(403);
        // even with a valid token (from the 403 page of someone signed in who is not a lead)
        signInSlack(c, "T1", "U11");
        HttpResponse<String> page = c.get("/dashboard");
        HttpResponse<String> r =
                c.post("/dashboard/demo-sign-in", Map.of("_csrf", SignInClient.csrf(page), "member", "slack:T1:U1"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(c.get("/dashboard").statusCode()).isEqualTo(403);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        SignInClient lead = new SignInClient(port);
        signInSlack(lead, "T1", "U1");
        HttpResponse<String> refused = lead.post("/dashboard/settings", Map.of("setting.tip-day", "friday"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This page has expired");
        HttpResponse<String> forged =
                lead.post("/dashboard/settings", Map.of("_csrf", "forged-token", "setting.tip-day", "friday"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(settings.changed("slack:T1")).doesNotContainKey("tip-day");
        assertThat(lead.post("/dashboard/sign-out", Map.of()).statusCode()).isEqualTo(403);
        assertThat(lead.get("/dashboard").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> form = lead.get("/dashboard/settings");
        HttpResponse<String> saved =
                lead.post("/dashboard/settings", Map.of("_csrf", SignInClient.csrf(form), "setting.tip-day", "friday"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(settings.changed("slack:T1")).containsEntry("tip-day", "FRIDAY");
        // and a value the command would refuse shows its message under the field, saving nothing
        HttpResponse<String> bad = lead.post(
                "/dashboard/settings",
                Map.of(
                        "_csrf",
                        SignInClient.csrf(lead.get("/dashboard/settings")),
                        "setting.tip-day",
                        "friday",
                        "setting.tip-time",
                        "25:99"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("data-testid=\"error-tip-time\"").contains("is not a time");
        assertThat(settings.changed("slack:T1")).doesNotContainKey("tip-time");

        HttpResponse<String> out =
                lead.post("/dashboard/sign-out", Map.of("_csrf", SignInClient.csrf(lead.get("/dashboard/settings"))));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(lead.get("/dashboard").statusCode()).as("signed out").isEqualTo(302);
        settings.reset("slack:T1", ProgrammeSettings.Key.TIP_DAY);
    }

    @Test
    void aLeadImportsModulesFromTheMembersPage() {
        SignInClient lead = new SignInClient(port);
        signInSlack(lead, "T1", "U1");
        String csv = """
                skill,language,step,title,goal,topic,links
                negotiation,en,1,Negotiating at Acme,Prepare,Our price list,
                negotiation,en,2,,Listen,Questions to ask,
                negotiation,en,3,,Close,Writing it down,
                negotiation,en,4,,Oops,,
                """;
        HttpResponse<String> sent = lead.post(
                "/dashboard/members/roster",
                Map.of("_csrf", SignInClient.csrf(lead.get("/dashboard/members")), "csv", csv));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(lead.get("/dashboard/members").body())
                .contains("Modules imported: 1 saved, 1 problems.")
                .contains("line 5: the topic is empty");
        assertThat(modules.find("slack:T1", "negotiation", io.tandem.engine.Language.EN)
                        .orElseThrow()
                        .title())
                .isEqualTo("Negotiating at Acme");
        moduleStore.remove("slack:T1", "negotiation");
    }

    @Test
    void aLeadRemovedInChatLosesAccessAtOnce() {
        MemberId u5 = new MemberId("slack:T1", "U5");
        programme.addLead(u5);
        SignInClient c = new SignInClient(port);
        signInSlack(c, "T1", "U5");
        assertThat(c.get("/dashboard").statusCode()).isEqualTo(200);
        programme.removeLead(u5);
        assertThat(c.get("/dashboard").statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenMadeForAnotherAppOrWithoutAWorkspaceDoesNotSignAnyoneIn() {
        // an ID token minted for another app, or naming another issuer, signs no one in
        for (Map.Entry<String, Object> forged : List.of(
                Map.entry("aud", (Object) "another-app"), Map.entry("iss", (Object) "https://evil.example/slack"))) {
            SignInClient other = new SignInClient(port);
            HttpResponse<String> back = signIn(
                    other,
                    "slack",
                    SLACK_CLIENT,
                    Map.of(
                            "https://slack.com/team_id",
                            "T1",
                            "https://slack.com/user_id",
                            "U1",
                            forged.getKey(),
                            forged.getValue()));
            assertThat(back.headers().firstValue("Location").orElseThrow())
                    .as(forged.getKey())
                    .contains("/dashboard/sign-in?failed");
            assertThat(other.get("/dashboard").statusCode()).isEqualTo(302);
        }

        SignInClient noTeam = new SignInClient(port);
        signIn(noTeam, "slack", SLACK_CLIENT, Map.of("https://slack.com/user_id", "U1"));
        assertThat(noTeam.get("/dashboard").statusCode()).isEqualTo(403);
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteOverHttps() {
        SignInClient c = new SignInClient(port);
        HttpResponse<String> start =
                c.get("/dashboard/oauth2/authorization/slack", Map.of("X-Forwarded-Proto", "https"));
        String cookie = start.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("TANDEM_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax");
        assertThat(start.headers().firstValue("Location").orElseThrow()).contains("redirect_uri=https");
        // over plain HTTP (local mode), still HttpOnly and SameSite, not Secure (a browser would drop it)
        SignInClient plain = new SignInClient(port);
        String local = plain.get("/dashboard/oauth2/authorization/slack").headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("TANDEM_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(local).contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Secure");
    }
}
