package io.tandem.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.builtin.ClientOnlyOAuthStateService;
import io.tandem.delivery.Pacing;
import io.tandem.delivery.RateGate;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Downloads;
import io.tandem.engine.Once;
import io.tandem.engine.Platform;
import io.tandem.ops.Draining;
import io.tandem.profiles.MemberEmails;
import io.tandem.programme.Programme;
import io.tandem.programme.WorkspaceAdmins;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Slack, on when {@code SLACK_BOT_TOKEN} and {@code SLACK_SIGNING_SECRET} are set (one workspace), or
 * {@code SLACK_CLIENT_ID}, {@code SLACK_CLIENT_SECRET} and the signing secret (OAuth, several workspaces).
 * HTTP mode serves {@code POST /slack/events}; with {@code SLACK_APP_TOKEN} as well, Socket Mode connects out
 * instead and needs no public URL.
 */
@Configuration(proxyBeanMethods = false)
public class SlackConfiguration {

    static final String EVENTS_PATH = "/slack/events";
    static final String SCOPES = "commands,chat:write,im:write,im:history,app_mentions:read,users:read,"
            + "users:read.email,files:read,files:write";

    private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @Conditional(SlackConditions.Off.class)
    static class Off {
        Off() {
            log.info("Slack is off. To turn it on, set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (and SLACK_APP_TOKEN"
                    + " for Socket Mode); see README, \"Run in Slack\".");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(SlackConditions.On.class)
    static class On {

        @Bean
        Slack slack(SlackProperties properties) {
            SlackConfig config = new SlackConfig();
            String url = properties.apiUrl().endsWith("/") ? properties.apiUrl() : properties.apiUrl() + "/";
            config.setMethodsEndpointUrlPrefix(url);
            config.setPrettyResponseLoggingEnabled(false);
            return Slack.getInstance(config);
        }

        /** Commands Slack was already told about are answered before Redis goes ({@link Draining}). */
        @Bean
        Draining slackExecutorDrain(ThreadPoolExecutor slackExecutor) {
            return new Draining("Slack commands", slackExecutor, Duration.ofSeconds(14));
        }

        @Bean(destroyMethod = "shutdownNow")
        ThreadPoolExecutor slackExecutor(SlackProperties properties) {
            AtomicInteger n = new AtomicInteger();
            return new ThreadPoolExecutor(
                    properties.threads(),
                    properties.threads(),
                    60,
                    TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(properties.queue()),
                    r -> {
                        Thread t = new Thread(r, "tandem-slack-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    },
                    new ThreadPoolExecutor.AbortPolicy());
        }

        /** With {@code tandem.slack.admins-are-leads}: Slack's admins and owners (as users.info last said). */
        @Bean
        WorkspaceAdmins slackAdmins(SlackUserCache cache, SlackProperties properties) {
            return member -> properties.adminsAreLeads()
                    && member.platform() == Platform.SLACK
                    && !member.isChannel()
                    && cache.get(member.workspace(), member.user())
                            .map(SlackUser::admin)
                            .orElse(false);
        }

        @Bean
        SlackDirectory slackDirectory(SlackUserCache cache, SlackProperties properties, MemberEmails emails) {
            return new SlackDirectory(cache, properties, emails);
        }

        @Bean
        App slackApp(
                SlackProperties properties,
                Slack slack,
                InstallationService installations,
                ConversationEngine engine,
                SlackDirectory directory,
                Once once,
                ExecutorService slackExecutor,
                Downloads downloads,
                Programme programme,
                SlackLongValues longValues) {
            AppConfig.AppConfigBuilder config =
                    AppConfig.builder().slack(slack).signingSecret(properties.signingSecret());
            SlackIgnored.configure(config);
            if (properties.singleWorkspace()) {
                config.singleTeamBotToken(properties.botToken());
            } else {
                config.clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .scope(SCOPES)
                        .oauthInstallPath("/slack/install")
                        .oauthRedirectUriPath("/slack/oauth_redirect")
                        .oAuthInstallPathEnabled(true)
                        .oAuthRedirectUriPathEnabled(true);
            }
            App app = new App(config.build());
            if (!properties.singleWorkspace()) {
                app.service(installations)
                        .service(new ClientOnlyOAuthStateService())
                        .asOAuthApp(true);
            }
            SlackEvents events = new SlackEvents(engine, directory, new SlackValues(longValues));
            EventRetries retries = new EventRetries(once);
            new SlackHandlers(
                            events,
                            retries,
                            new AckBudget(slackExecutor, properties.ackBudget(), retries),
                            new SlackCharts(downloads),
                            new RosterUpload(events, new SlackRosterFiles(properties.apiUrl()), programme::isLead))
                    .register(app);
            SlackIgnored.register(app);
            log.info(
                    "Slack is on ({}, {})",
                    properties.singleWorkspace() ? "one workspace" : "OAuth, many workspaces",
                    properties.socketMode() ? "Socket Mode" : "HTTP at " + EVENTS_PATH);
            return app;
        }

        @Bean
        ServletRegistrationBean<SlackEventsServlet> slackEvents(App slackApp) {
            return new ServletRegistrationBean<>(new SlackEventsServlet(slackApp), EVENTS_PATH);
        }

        @Bean
        @Conditional(SlackConditions.OAuth.class)
        ServletRegistrationBean<SlackOAuthAppServlet> slackOAuth(App slackApp) {
            ServletRegistrationBean<SlackOAuthAppServlet> bean = new ServletRegistrationBean<>(
                    new SlackOAuthAppServlet(slackApp), "/slack/install", "/slack/oauth_redirect");
            bean.setName("slackOAuth");
            return bean;
        }

        @Bean
        SlackTokens slackTokens(SlackProperties properties, InstallationService installations) {
            if (properties.singleWorkspace()) {
                return workspace -> Optional.of(properties.botToken());
            }
            return workspace ->
                    Optional.ofNullable(installations.findBot(null, workspace)).map(bot -> bot.getBotAccessToken());
        }

        @Bean
        SlackSender slackSender(
                Slack slack, SlackTokens tokens, RateGate gate, Clock clock, SlackProperties properties) {
            return new SlackSender(slack, tokens, new Pacing(gate, clock, "Slack", properties.workspaceRate()), clock);
        }

        @Bean
        SlackHealth slackHealthIndicator(
                Slack slack, SlackProperties properties, ObjectProvider<SlackSocketMode> socketMode, Clock clock) {
            return new SlackHealth(slack, properties, socketMode, clock);
        }

        @Bean
        @Conditional(SlackConditions.SocketMode.class)
        SlackSocketMode slackSocketMode(SlackProperties properties, App slackApp) {
            return new SlackSocketMode(properties.appToken(), slackApp);
        }
    }
}
