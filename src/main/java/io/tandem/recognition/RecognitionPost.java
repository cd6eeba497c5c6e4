package io.tandem.recognition;

import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Once;
import io.tandem.engine.Reply;
import io.tandem.nudges.DailySweep;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.programme.Programme;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Once a month, the first daily sweep of the month posts last month's thanks in the programme channel: how many
 * were given, and the people thanked most, only those who chose to be named. Nobody else is named, and no one's
 * count is shown. A workspace without a programme channel gets no post.
 */
@Component
class RecognitionPost implements DailySweep {

    static final int NAMED = 5;
    private static final Duration REMEMBERED = Duration.ofDays(45);

    private final ThanksStore store;
    private final ProfileStore profiles;
    private final Programme programme;
    private final Notifier notifier;
    private final Once once;

    RecognitionPost(ThanksStore store, ProfileStore profiles, Programme programme, Notifier notifier, Once once) {
        this.store = store;
        this.profiles = profiles;
        this.programme = programme;
        this.notifier = notifier;
        this.once = once;
    }

    @Override
    public void run(String workspace, Instant now) {
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1);
        Optional<MemberId> channel = programme.channel(workspace);
        if (channel.isEmpty() || !once.first("recognition-post:" + workspace + ":" + last, REMEMBERED)) {
            return;
        }
        post(workspace, last)
                .ifPresent(reply -> notifier.send(Notification.of(
                        channel.get(),
                        NotificationKind.RECOGNITION_POST,
                        Messages.of(programme.language(workspace)),
                        reply)));
    }

    /** The month's post, empty if nobody was thanked. */
    Optional<Reply> post(String workspace, YearMonth month) {
        List<Thanks> thanks = store.between(
                workspace,
                month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                month.plusMonths(1)
                        .atDay(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .minusMillis(1));
        if (thanks.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = mostThanked(thanks, store.named(workspace));
        Map<MemberId, Profile> known = profiles.findAll(
                names.stream().map(u -> new MemberId(workspace, u)).toList());
        List<String> labels = names.stream()
                .map(u -> known.get(new MemberId(workspace, u)))
                .filter(p -> p != null)
                .map(Profile::label)
                .toList();
        Messages m = Messages.of(programme.language(workspace));
        String monthName = month.getMonth()
                .getDisplayName(TextStyle.FULL_STANDALONE, m.language().locale());
        Reply.Builder reply = Reply.builder().text(m.get("recognition.post", monthName, thanks.size()));
        if (labels.isEmpty()) {
            reply.section(null, m.get("recognition.post.nobody-named"));
        } else {
            reply.items(m.get("recognition.post.named"), labels);
        }
        return Optional.of(reply.section(null, m.get("recognition.post.how")).build());
    }

    /**
     * The user ids of the people thanked most, among those who chose to be named, most thanked first (by id on a
     * tie), at most {@link #NAMED}; former members are never named.
     */
    static List<String> mostThanked(List<Thanks> thanks, Set<String> named) {
        Map<String, Long> counts = new HashMap<>();
        for (Thanks t : thanks) {
            if (!t.to().formerMember() && named.contains(t.to().user())) {
                counts.merge(t.to().user(), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .limit(NAMED)
                .map(Map.Entry::getKey)
                .toList();
    }
}
