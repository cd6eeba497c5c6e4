package io.tandem.mentoring;

import java.util.List;

import org.springframework.stereotype.Component;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;

/**
 * The Request button of {@code /mentor find}: tells the mentor, in their own language, that the mentee would like
 * to learn the skill from them, with the mentee's profile. (Accepting, declining and expiry come with the
 * mentoring flow.)
 */
@Component
public class Requesting implements ActionHandler {

    static final String KIND = "mentoring.request";

    private final Profiles profiles;
    private final ProfileView view;
    private final Notifier notifier;

    public Requesting(Profiles profiles, ProfileView view, Notifier notifier) {
        this.profiles = profiles;
        this.view = view;
        this.notifier = notifier;
    }

    @Override
    public String actionId() {
        return ProfileView.REQUEST_ACTION;
    }

    @Override
    public Reply handle(Invocation in) {
        Profile mentor = MentoringActions.member(in, profiles, "mentor");
        String skill = ActionValue.parse(in.action().value()).get("skill")
                .flatMap(view.catalog()::resolve).map(SkillMatch::id)
                .orElseThrow(() -> new Refusal("action.stale"));
        Profile mentee = profiles.mine(in);
        if (mentor.id().equals(mentee.id())) {
            throw new Refusal("request.self");
        }
        if (mentor.paused()) {
            throw new Refusal("request.paused", mentor.name());
        }
        Messages theirs = Messages.of(mentor.effectiveLanguage());
        Reply message = Reply.builder()
                .text(theirs.get("request.notification", mentee.name(), view.skill(skill, theirs.language())))
                .block(view.card(mentee, theirs, List.of(view.profileButton(mentee, theirs))))
                .build();
        notifier.send(new Notification(mentor.id(), KIND, message));
        return Reply.text(in.t("request.sent", mentor.name(), view.skill(skill, in.messages().language())));
    }
}
