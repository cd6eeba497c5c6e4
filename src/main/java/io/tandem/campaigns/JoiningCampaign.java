package io.tandem.campaigns;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Invocation;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * A member joining a programme, from {@code /mentor join} or an invitation's buttons: open until its end date, in
 * the role they chose, told what the matching still needs from them, with a form to say what they want to learn
 * and teach in it ({@link JoiningForm}).
 */
@Component
class JoiningCampaign {

    /** The invitation's buttons: {@code programme} and {@code role} in the value. */
    static final String JOIN = "programme.join";

    private final CampaignStore store;
    private final Campaigns campaigns;
    private final Profiles profiles;
    private final JoiningForm form;
    private final Clock clock;

    JoiningCampaign(CampaignStore store, Campaigns campaigns, Profiles profiles, JoiningForm form, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.profiles = profiles;
        this.form = form;
        this.clock = clock;
    }

    Reply join(Invocation in, Campaign campaign, CampaignRole role) {
        Campaigns.requireOpen(in, campaign, clock);
        Profile mine = profiles.mine(in);
        if (store.role(campaign.workspace(), campaign.name(), mine.id()).orElse(null) != role) {
            // joining again in the same role changes nothing: the round a lead reviewed stays publishable
            store.join(campaign.workspace(), campaign.name(), mine.id(), role);
        }
        Reply.Builder reply = Reply.builder().text(in.t("programme.joined", campaign.name(), in.t(role.messageKey())));
        Profile me = mine.paused() ? mine.withPaused(false) : mine;
        if (mine.paused()) {
            // joining a programme to be matched is opting in: a roster newcomer, or someone back from a pause
            profiles.save(mine, me);
            reply.section(null, in.t("programme.joined.unpaused"));
        }
        if (role.learns() && me.learns().stream().noneMatch(campaign::covers)) {
            reply.section(null, in.t("programme.joined.learn-hint"));
        }
        if (role.teaches() && me.teaches().isEmpty()) {
            reply.section(null, in.t("programme.joined.teach-hint"));
        }
        return reply.block(form.form(campaign, role, me, in.messages())).build();
    }

    /** The button's values come from outside: an unknown programme or role is a stale button. */
    Reply fromButton(Invocation in) {
        ActionValue value = ActionValue.parse(in.action().value());
        Campaign campaign = campaigns.find(in, value.get("programme").orElseThrow(() -> new Refusal("action.stale")));
        CampaignRole role = value.get("role")
                .flatMap(r -> java.util.Arrays.stream(CampaignRole.values())
                        .filter(c -> c.name().equals(r))
                        .findFirst())
                .orElseThrow(() -> new Refusal("action.stale"));
        return join(in, campaign, role);
    }

    @Configuration(proxyBeanMethods = false)
    static class Buttons {
        @Bean
        ActionHandler joinProgrammeButton(JoiningCampaign joining) {
            return ActionHandler.of(JOIN, joining::fromButton);
        }
    }
}
