package io.tandem.moderation;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.programme.Programme;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reporting and hiding what members write. Anyone can report a question, an answer or a tip (once each); the
 * workspace's leads are sent it, without the reporter's name, with a Hide button. Only a lead can hide.
 * An anonymous question stays anonymous to leads too.
 */
@Component
public class Moderation {

    public static final String REPORT = "moderation.report";
    public static final String HIDE = "moderation.hide";

    private final Map<String, Moderated> kinds;
    private final Programme programme;
    private final Profiles profiles;
    private final ProfileView view;
    private final Notifier notifier;
    private final Reports reports;
    private final SendingLimit limit;

    public Moderation(
            List<Moderated> moderated,
            Programme programme,
            Profiles profiles,
            ProfileView view,
            Notifier notifier,
            Reports reports,
            SendingLimit limit) {
        this.limit = limit;
        this.kinds = moderated.stream().collect(Collectors.toUnmodifiableMap(Moderated::kind, Function.identity()));
        this.programme = programme;
        this.profiles = profiles;
        this.view = view;
        this.notifier = notifier;
        this.reports = reports;
    }

    /** The Report button for an item, in the reader's language. */
    public static Block.Button reportButton(String kind, String id, Messages m) {
        return new Block.Button(
                REPORT, m.get("button.report"), ActionValue.of("kind", kind, "id", id), Block.ButtonStyle.DEFAULT);
    }

    /** Report: the leads are told (a lead reporting is offered Hide straight away). */
    public Reply report(Invocation in) {
        String ws = in.caller().id().workspace();
        Moderated.Item item = item(in, ws);
        if (programme.isLead(in.caller().id())) {
            return Reply.builder()
                    .block(card(item, in.messages(), "moderation.review"))
                    .build();
        }
        List<MemberId> leads = programme.leads(ws);
        if (leads.isEmpty()) {
            return Reply.text(in.t("moderation.reported.no-lead"));
        }
        limit.spend(in.caller().id());
        if (!reports.first(in.caller().id(), item.kind(), item.id())) {
            return Reply.text(in.t("moderation.reported.already"));
        }
        for (MemberId lead : leads) {
            Messages m = Messages.of(
                    profiles.find(lead).map(Profile::effectiveLanguage).orElse(Language.EN));
            notifier.send(Notification.of(
                            lead,
                            NotificationKind.CONTENT_REPORTED,
                            m,
                            Reply.builder()
                                    .text(m.get("moderation.to-lead"))
                                    .block(card(item, m, null))
                                    .build())
                    .about(item.owner()));
        }
        return Reply.text(in.t("moderation.reported"));
    }

    /** Hide: leads only. */
    public Reply hide(Invocation in) {
        if (!programme.isLead(in.caller().id())) {
            throw new Refusal("moderation.leads-only");
        }
        String ws = in.caller().id().workspace();
        Moderated.Item item = item(in, ws);
        if (item.hidden()) {
            return Reply.text(in.t("moderation.hidden.already"));
        }
        kinds.get(item.kind()).hide(ws, item.id());
        return Reply.text(in.t("moderation.hidden", in.t("moderation.kind." + item.kind())));
    }

    private Moderated.Item item(Invocation in, String ws) {
        ActionValue value = ActionValue.parse(in.action().value());
        Moderated kind = value.get("kind").map(kinds::get).orElseThrow(() -> new Refusal("action.stale"));
        return value.get("id").flatMap(id -> kind.find(ws, id)).orElseThrow(() -> new Refusal("action.stale"));
    }

    private Block.Section card(Moderated.Item item, Messages m, String heading) {
        String what = m.get("moderation.kind." + item.kind());
        String by = item.by() == null ? m.get("qa.from.anonymous") : item.by();
        return new Block.Section(
                heading == null ? what : m.get(heading, what),
                item.text(),
                List.of(
                        new Block.Field(m.get("moderation.field.skill"), view.skill(item.skill(), m.language())),
                        new Block.Field(m.get("moderation.field.by"), by)),
                item.hidden()
                        ? List.of()
                        : List.of(new Block.Button(
                                HIDE,
                                m.get("button.hide"),
                                ActionValue.of("kind", item.kind(), "id", item.id()),
                                Block.ButtonStyle.DANGER)));
    }
}
