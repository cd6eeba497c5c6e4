package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.tandem.engine.MemberId;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.profiles.MemberEmails;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack member is: name, timezone and locale from {@code users.info}, cached (a day by default) so Slack is
 * not asked on every command. When Slack cannot say, the name in the payload will do.
 */
class SlackDirectory {

    private static final Logger log = LoggerFactory.getLogger(SlackDirectory.class);

    private final SlackUserCache cache;
    private final SlackProperties properties;
    private final MemberEmails emails;

    SlackDirectory(SlackUserCache cache, SlackProperties properties, MemberEmails emails) {
        this.cache = cache;
        this.properties = properties;
        this.emails = emails;
    }

    /** {@code team} is the Slack team id (or enterprise id); cached under the member's workspace. */
    SlackUser lookup(MethodsClient client, String team, String user, String payloadName) {
        String workspace = "slack:" + team;
        Optional<SlackUser> cached = Optional.empty();
        try {
            cached = cache.get(workspace, user);
        } catch (StoreUnavailableException e) {
            // the engine will say Redis is away; here, just ask Slack
        }
        if (cached.isPresent()) {
            return cached.get();
        }
        try {
            UsersInfoResponse info = client.usersInfo(r -> r.user(user).includeLocale(true));
            if (info.isOk() && info.getUser() != null) {
                SlackUser found = from(info.getUser(), payloadName);
                try {
                    cache.put(workspace, user, found, properties.userCache());
                    if (found.email() != null) {
                        // with users:read.email: lets leads and rosters name this member by email
                        emails.set(new MemberId(workspace, user), found.email());
                    }
                } catch (StoreUnavailableException e) {
                    // not cached this time
                }
                return found;
            }
            log.warn("users.info for {} in {} answered {}", user, workspace, info.getError());
        } catch (Exception e) {
            log.warn("users.info for {} in {} failed: {}", user, workspace, e.getMessage());
        }
        return new SlackUser(payloadName, null, null);
    }

    private static SlackUser from(User user, String payloadName) {
        String name = firstPresent(
                user.getRealName(),
                user.getProfile() == null ? null : user.getProfile().getDisplayName(),
                payloadName,
                user.getName());
        ZoneId zone = null;
        try {
            zone = user.getTz() == null ? null : ZoneId.of(user.getTz());
        } catch (DateTimeException e) {
            // an id Java does not know: the member can set it with /mentor set timezone
        }
        Locale locale = user.getLocale() == null ? null : Locale.forLanguageTag(user.getLocale());
        boolean admin = user.isAdmin() || user.isOwner();
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        return new SlackUser(name, zone, locale, admin, email == null || email.isBlank() ? null : email);
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
