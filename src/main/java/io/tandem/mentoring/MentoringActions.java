package io.tandem.mentoring;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;

/** Buttons on profiles and search results. Values come from outside: each is checked before use. */
final class MentoringActions {

    private MentoringActions() {
    }

    /** The member named in an action value, who must exist in the caller's own workspace. */
    static Profile member(Invocation in, Profiles profiles, String key) {
        Optional<MemberId> id = ActionValue.parse(in.action().value()).get(key).flatMap(MemberId::parse)
                .filter(m -> m.workspace().equals(in.caller().id().workspace()));
        return id.flatMap(profiles::find).orElseThrow(() -> new Refusal("action.stale"));
    }

    /** "Find mentors for …" buttons. */
    @Component
    static class Find implements ActionHandler {
        private final FindCommand find;
        private final SkillCatalog catalog;

        Find(FindCommand find, SkillCatalog catalog) {
            this.find = find;
            this.catalog = catalog;
        }

        @Override
        public String actionId() {
            return ProfileView.FIND_ACTION;
        }

        @Override
        public Reply handle(Invocation in) {
            SkillMatch skill = ActionValue.parse(in.action().value()).get("skill").flatMap(catalog::resolve)
                    .orElseThrow(() -> new Refusal("action.stale"));
            return find.find(in, skill);
        }
    }

    /** "Profile" buttons. */
    @Component
    static class ShowProfile implements ActionHandler {
        private final Profiles profiles;
        private final ProfileCommand command;

        ShowProfile(Profiles profiles, ProfileCommand command) {
            this.profiles = profiles;
            this.command = command;
        }

        @Override
        public String actionId() {
            return ProfileView.PROFILE_ACTION;
        }

        @Override
        public Reply handle(Invocation in) {
            return command.show(in, member(in, profiles, "member"));
        }
    }
}
