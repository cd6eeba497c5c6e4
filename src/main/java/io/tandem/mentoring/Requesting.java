package io.tandem.mentoring;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;

/** The buttons of the request flow: Request (from find), Accept, Decline and its optional reason. */
final class Requesting {

    private static final int MAX_REASON = 500;

    private Requesting() {
    }

    /** The Request button of {@code /mentor find}. */
    @Component
    static class Ask implements ActionHandler {
        private final Profiles profiles;
        private final Requests requests;
        private final SkillCatalog catalog;

        Ask(Profiles profiles, Requests requests, SkillCatalog catalog) {
            this.profiles = profiles;
            this.requests = requests;
            this.catalog = catalog;
        }

        @Override
        public String actionId() {
            return ProfileView.REQUEST_ACTION;
        }

        @Override
        public Reply handle(Invocation in) {
            Profile mentor = MentoringActions.member(in, profiles, "mentor");
            String skill = ActionValue.parse(in.action().value()).get("skill").flatMap(catalog::resolve)
                    .map(SkillMatch::id).orElseThrow(() -> new Refusal("action.stale"));
            return requests.ask(in, mentor, skill, null);
        }
    }

    @Component
    static class Accept implements ActionHandler {
        private final Requests requests;

        Accept(Requests requests) {
            this.requests = requests;
        }

        @Override
        public String actionId() {
            return Requests.ACCEPT;
        }

        @Override
        public Reply handle(Invocation in) {
            return requests.accept(in, requests.forMentor(in));
        }
    }

    /** Decline opens a small form for an optional reason. */
    @Component
    static class Decline implements ActionHandler {
        private final Requests requests;

        Decline(Requests requests) {
            this.requests = requests;
        }

        @Override
        public String actionId() {
            return Requests.DECLINE;
        }

        @Override
        public Reply handle(Invocation in) {
            MentoringRequest request = requests.forMentor(in);
            return Reply.builder().block(new Block.Form(Requests.DECLINE_SAVE, in.t("request.decline.title"),
                    in.t("button.decline"), List.of(
                    new Block.Input("reason", in.t("request.decline.reason"), Block.InputType.MULTILINE, false, "",
                            in.t("request.decline.hint"), null)),
                    Map.of(), ActionValue.of("request", request.id()))).build();
        }
    }

    @Component
    static class DeclineSave implements ActionHandler {
        private final Requests requests;

        DeclineSave(Requests requests) {
            this.requests = requests;
        }

        @Override
        public String actionId() {
            return Requests.DECLINE_SAVE;
        }

        @Override
        public Reply handle(Invocation in) {
            MentoringRequest request = requests.forMentor(in);
            String reason = in.action().field("reason");
            if (reason.length() > MAX_REASON) {
                throw new Refusal("set.too-long", MAX_REASON);
            }
            return requests.decline(in, request, reason);
        }
    }
}
