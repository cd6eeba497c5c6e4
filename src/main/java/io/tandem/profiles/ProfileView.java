package io.tandem.profiles;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Arguments;
import io.tandem.engine.Block;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.skills.SkillCatalog;
import io.tandem.skills.SkillMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Shows profiles and skills in the reader's language. */
@Component
public class ProfileView {

    public static final String PROFILE_ACTION = "mentoring.profile";
    public static final String FIND_ACTION = "mentoring.find";
    public static final String REQUEST_ACTION = "mentoring.request";

    /** At most this many skills in each list, so matches stay meaningful. */
    public static final int MAX_SKILLS = 20;

    private final SkillCatalog catalog;

    public ProfileView(SkillCatalog catalog) {
        this.catalog = catalog;
    }

    public SkillCatalog catalog() {
        return catalog;
    }

    /** Skill names, sorted, comma-separated; "—" when none. */
    public String skills(Collection<String> ids, Language language) {
        if (ids.isEmpty()) {
            return "—";
        }
        return ids.stream()
                .map(id -> catalog.name(id, language))
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
    }

    /**
     * Skills typed in a form field, comma-separated, read as {@code /mentor learn} reads them; {@code problem} is what
     * to show under the field when they cannot be used (then nothing should be saved).
     */
    public record TypedSkills(Set<String> ids, String problem) {
        public TypedSkills {
            ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        }
    }

    /** Reads a form's skills field: every skill must be readable, and {@value #MAX_SKILLS} at most. */
    public TypedSkills typedSkills(String text, Messages m) {
        Set<String> ids = new LinkedHashSet<>();
        for (String typed : new Arguments(text == null ? "" : text).list()) {
            Optional<SkillMatch> match = catalog.resolve(typed);
            if (match.isEmpty()) {
                return new TypedSkills(ids, m.get("skill.invalid", typed));
            }
            ids.add(match.get().id());
        }
        if (ids.size() > MAX_SKILLS) {
            return new TypedSkills(ids, m.get("skills.too-many", MAX_SKILLS));
        }
        return new TypedSkills(ids, null);
    }

    /** Skill names for a form field's initial value: as {@link #skills} lists them, empty when none. */
    public String typedSkillsInitial(Collection<String> ids, Language language) {
        return ids.isEmpty() ? "" : skills(ids, language);
    }

    public String skill(String id, Language language) {
        return catalog.name(id, language);
    }

    /** A profile as a card: name and team, bio, and the fields that matter for matching. */
    public Block.Section card(Profile p, Messages m, List<Block.Button> buttons) {
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field(m.get("profile.field.teaches"), skills(p.teaches(), m.language())));
        fields.add(new Block.Field(m.get("profile.field.learns"), skills(p.learns(), m.language())));
        if (p.seniority() != null) {
            fields.add(new Block.Field(
                    m.get("profile.field.seniority"), m.get(p.seniority().messageKey())));
        }
        if (p.team() != null) {
            fields.add(new Block.Field(m.get("profile.field.team"), p.team()));
        }
        if (p.zone() != null) {
            fields.add(new Block.Field(m.get("profile.field.timezone"), p.zone().getId()));
        }
        fields.add(new Block.Field(
                m.get("profile.field.capacity"), m.get("profile.capacity.value", p.mentees(), p.capacity())));
        if (p.paused()) {
            fields.add(new Block.Field(m.get("profile.field.status"), m.get("profile.status.paused")));
        }
        return new Block.Section(p.label(), p.bio(), fields, buttons);
    }

    public Block.Button profileButton(Profile p, Messages m) {
        return new Block.Button(
                PROFILE_ACTION,
                m.get("button.profile"),
                ActionValue.of("member", p.id().toString()),
                Block.ButtonStyle.DEFAULT);
    }

    public Block.Button findButton(String skill, Messages m) {
        return new Block.Button(
                FIND_ACTION,
                m.get("button.find", skill(skill, m.language())),
                ActionValue.of("skill", skill),
                Block.ButtonStyle.DEFAULT);
    }

    public Block.Button requestButton(Profile mentor, String skill, Messages m) {
        return new Block.Button(
                REQUEST_ACTION,
                m.get("button.request"),
                ActionValue.of("mentor", mentor.id().toString(), "skill", skill),
                Block.ButtonStyle.PRIMARY);
    }
}
