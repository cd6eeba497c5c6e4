package io.tandem.skills;

import java.util.Optional;

/** What a typed skill resolved to: a skill of the taxonomy, or a free tag (with a close skill, if any). */
public sealed interface SkillMatch {

    /** The skill id to store: the taxonomy id, or the free tag. */
    String id();

    record Known(Skill skill) implements SkillMatch {
        @Override
        public String id() {
            return skill.id();
        }
    }

    record FreeTag(String tag, Optional<Skill> didYouMean) implements SkillMatch {
        @Override
        public String id() {
            return tag;
        }
    }
}
