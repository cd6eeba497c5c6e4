package io.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every notification kind is labelled, distinctly, in English and in French. */
class NotificationKindTests {

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void labelsEveryKindInBothBundles(NotificationKind kind) {
        for (Language language : Language.values()) {
            // straight from the bundle: Messages would show a missing key as the key itself
            ResourceBundle bundle = ResourceBundle.getBundle(
                    Messages.BUNDLE,
                    language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(bundle.containsKey(kind.labelKey()))
                    .as("%s in %s", kind.labelKey(), language)
                    .isTrue();
            assertThat(kind.label(Messages.of(language))).isNotBlank().doesNotContain("notification.kind");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void givesEachKindItsOwnLabel(Language language) {
        Messages m = Messages.of(language);
        Set<String> labels = new HashSet<>();
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(labels.add(m.get(kind.labelKey()).toLowerCase(language.locale())))
                    .as("%s shares its label in %s", kind, language)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void keepsKindIdsUnique(NotificationKind kind) {
        assertThat(Arrays.stream(NotificationKind.values()).filter(k -> k.id().equals(kind.id())))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void labelsANotificationInTheRecipientsLanguageAndKeepsItWhenRegrouped(Language language) {
        MemberId bob = new MemberId("console", "bob");
        Notification n =
                Notification.of(bob, NotificationKind.REQUEST_ACCEPTED, Messages.of(language), Reply.text("…"));
        assertThat(n.label()).isEqualTo(language == Language.FR ? "Demande acceptée" : "Request accepted");
        assertThat(n.relabelled("nudge.notice").label()).isEqualTo(n.label());
        assertThat(n.about(new MemberId("console", "alice")).label()).isEqualTo(n.label());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void labelsTheUndeliveredNoticeInTheSendersLanguage(Language senders) {
        MemberId bob = new MemberId("console", "bob");
        MemberId alice = new MemberId("console", "alice");
        Language theirs = senders == Language.FR ? Language.EN : Language.FR;
        Notification n = Notification.of(bob, NotificationKind.REQUEST, Messages.of(theirs), Reply.text("…"))
                .orTell(alice, Messages.of(senders), Reply.text("not delivered"));
        Notification notice = n.undeliveredNotice().orElseThrow();
        assertThat(notice.recipient()).isEqualTo(alice);
        assertThat(notice.label())
                .isEqualTo(Messages.of(senders).get("notification.kind.delivery.undelivered"))
                .isNotEqualTo(Messages.of(theirs).get("notification.kind.delivery.undelivered"));
        assertThat(n.label()).isEqualTo(Messages.of(theirs).get("notification.kind.mentoring.request"));
    }
}
