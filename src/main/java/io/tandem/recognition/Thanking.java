package io.tandem.recognition;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import io.tandem.engine.TextLimit;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Thanking a colleague: they are told, with what for; the first time, they are asked whether they want to be named
 * in the monthly recognition post. One thanks a day from one person to another counts: a second is refused kindly.
 */
@Component
class Thanking {

    static final String NAME_ME = "recognition.on";
    static final String DO_NOT_NAME_ME = "recognition.off";

    private final Profiles profiles;
    private final ThanksStore store;
    private final Notifier notifier;
    private final Clock clock;

    Thanking(Profiles profiles, ThanksStore store, Notifier notifier, Clock clock) {
        this.profiles = profiles;
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** {@code /mentor thanks @person [what for]}. */
    Reply thank(Invocation in) {
        Profile to = profiles.named(in, "thanks.usage");
        Profile me = profiles.mine(in);
        if (to.id().equals(me.id())) {
            throw new Refusal("thanks.self");
        }
        String reason = TextLimit.REASON.check(in.args().withoutPeople().strip());
        var today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        boolean already = store.received(to.id()).stream()
                .anyMatch(t -> t.from().equals(me.id())
                        && t.at().atZone(ZoneOffset.UTC).toLocalDate().equals(today));
        if (already) {
            throw new Refusal("thanks.already", to.name());
        }
        store.save(new Thanks(UUID.randomUUID().toString(), me.id(), to.id(), reason, clock.instant()));
        Messages theirs = Messages.of(to.effectiveLanguage());
        Reply.Builder told = Reply.builder()
                .text(
                        reason.isEmpty()
                                ? theirs.get("thanks.received", me.name())
                                : theirs.get("thanks.received.for", me.name(), reason));
        if (!store.named(to.id()) && store.firstAsk(to.id())) {
            String value = ActionValue.of("member", to.id().toString());
            told.block(new Block.Section(
                    null,
                    theirs.get("recognition.ask"),
                    List.of(),
                    List.of(
                            new Block.Button(
                                    NAME_ME, theirs.get("button.recognition.on"), value, Block.ButtonStyle.PRIMARY),
                            new Block.Button(DO_NOT_NAME_ME, theirs.get("button.recognition.off"), value, null))));
        }
        notifier.send(Notification.of(to.id(), NotificationKind.THANKS, theirs, told.build())
                .orTell(me.id(), in.messages(), Reply.text(in.t("thanks.undelivered", to.name())))
                .about(me.id()));
        return Reply.text(in.t("thanks.sent", to.name()));
    }

    /** {@code /mentor recognition [on|off]}: with no word, the choice in force. */
    Reply choose(Invocation in) {
        String word = Text.fold(in.args().text().strip());
        return switch (word) {
            case "" -> Reply.text(in.t(store.named(in.caller().id()) ? "recognition.is-on" : "recognition.is-off"));
            case "on", "yes", "oui", "activer", "active" -> set(in, true);
            case "off", "no", "non", "desactiver", "desactive" -> set(in, false);
            default -> throw new Refusal("recognition.usage");
        };
    }

    /** The buttons of the question asked with the first thanks: only the member it was asked of can answer. */
    Reply button(Invocation in, boolean named) {
        if (!ActionValue.parse(in.action().value())
                .get("member")
                .orElse("")
                .equals(in.caller().id().toString())) {
            throw new Refusal("action.stale");
        }
        return set(in, named);
    }

    private Reply set(Invocation in, boolean named) {
        profiles.mine(in);
        store.choose(in.caller().id(), named);
        return Reply.text(in.t(named ? "recognition.on" : "recognition.off"));
    }
}
