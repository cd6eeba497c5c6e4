package io.tandem.campaigns;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The form a member gets on joining a programme: what they want to learn and teach in it, prefilled with their
 * profile's skills, only the lists their role needs. Submitting it saves the lists to the profile, read as the
 * profile form reads them; a bad skill comes back under its field with what was typed kept and nothing saved.
 */
@Component
class JoiningForm {

    /** The form's submission: {@code programme} in the value, {@code learns} and {@code teaches} as fields. */
    static final String SAVE = "programme.skills.save";

    static final String LEARNS = "learns";
    static final String TEACHES = "teaches";

    private final CampaignStore store;
    private final Profiles profiles;
    private final ProfileView view;

    JoiningForm(CampaignStore store, Profiles profiles, ProfileView view) {
        this.store = store;
        this.profiles = profiles;
        this.view = view;
    }

    /** The form for a member who just joined {@code campaign} in {@code role}. */
    Block.Form form(Campaign campaign, CampaignRole role, Profile me, Messages m) {
        return form(campaign, role, me, m, Map.of(), Map.of());
    }

    private Block.Form form(
            Campaign campaign,
            CampaignRole role,
            Profile me,
            Messages m,
            Map<String, String> values,
            Map<String, String> errors) {
        List<Block.Input> inputs = new ArrayList<>();
        if (role.learns()) {
            inputs.add(new Block.Input(
                    LEARNS,
                    campaign.skills().isEmpty()
                            ? m.get("programme.form.learns")
                            : m.get("programme.form.learns.limited", view.skills(campaign.skills(), m.language())),
                    Block.InputType.TEXT,
                    false,
                    values.getOrDefault(LEARNS, view.typedSkillsInitial(me.learns(), m.language())),
                    campaign.skills().isEmpty()
                            ? m.get("profile.edit.skills-hint")
                            : view.skills(campaign.skills(), m.language()),
                    null));
        }
        if (role.teaches()) {
            inputs.add(new Block.Input(
                    TEACHES,
                    m.get("programme.form.teaches"),
                    Block.InputType.TEXT,
                    false,
                    values.getOrDefault(TEACHES, view.typedSkillsInitial(me.teaches(), m.language())),
                    m.get("profile.edit.skills-hint"),
                    null));
        }
        return new Block.Form(
                SAVE,
                m.get("programme.form.title", campaign.name()),
                m.get("programme.form.submit"),
                inputs,
                errors,
                ActionValue.of("programme", campaign.name()));
    }

    /**
     * The submission. Its value comes from outside: a programme that is gone, or one the member is not in (any
     * more), is refused kindly; fields the member's role has no use for are ignored.
     */
    Reply save(Invocation in) {
        Messages m = in.messages();
        String name =
                ActionValue.parse(in.action().value()).get("programme").orElseThrow(() -> new Refusal("action.stale"));
        String workspace = in.caller().id().workspace();
        Campaign campaign = store.find(workspace, name).orElseThrow(() -> new Refusal("programme.form.unknown", name));
        Profile me = profiles.mine(in);
        CampaignRole role = store.role(workspace, campaign.name(), me.id()).orElse(null);
        if (role == null) {
            throw new Refusal("programme.form.not-member", campaign.name());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> learns = me.learns();
        if (role.learns()) {
            ProfileView.TypedSkills typed = view.typedSkills(in.action().field(LEARNS), m);
            learns = typed.ids();
            if (typed.problem() != null) {
                errors.put(LEARNS, typed.problem());
            } else if (!learns.isEmpty() && learns.stream().noneMatch(campaign::covers)) {
                errors.put(
                        LEARNS,
                        m.get(
                                "programme.form.not-covered",
                                campaign.name(),
                                view.skills(campaign.skills(), m.language())));
            }
        }
        Set<String> teaches = me.teaches();
        if (role.teaches()) {
            ProfileView.TypedSkills typed = view.typedSkills(in.action().field(TEACHES), m);
            teaches = typed.ids();
            if (typed.problem() != null) {
                errors.put(TEACHES, typed.problem());
            }
        }
        if (!errors.isEmpty()) {
            return Reply.builder()
                    .block(form(campaign, role, me, m, in.action().fields(), errors))
                    .build();
        }
        Profile updated = me.withLearns(learns).withTeaches(teaches);
        profiles.save(me, updated);
        List<Block.Field> fields = new ArrayList<>();
        if (role.learns()) {
            fields.add(new Block.Field(m.get("profile.field.learns"), view.skills(learns, m.language())));
        }
        if (role.teaches()) {
            fields.add(new Block.Field(m.get("profile.field.teaches"), view.skills(teaches, m.language())));
        }
        Reply.Builder reply = Reply.builder()
                .text(m.get("programme.form.saved", campaign.name()))
                .block(new Block.Section(null, null, fields, List.of()));
        if (role.learns() && learns.stream().noneMatch(campaign::covers)) {
            reply.section(null, m.get("programme.joined.learn-hint"));
        }
        return reply.build();
    }

    @Configuration(proxyBeanMethods = false)
    static class Submissions {
        @Bean
        ActionHandler saveProgrammeSkillsForm(JoiningForm form) {
            return ActionHandler.of(SAVE, form::save);
        }
    }
}
