package io.tandem.skills;

import io.tandem.engine.Language;
import java.util.List;

/**
 * A skill of the taxonomy: an id, a category, display names in English and French, the aliases people type,
 * and related skills (suggested when nobody teaches this one).
 */
public record Skill(
        String id, String category, String nameEn, String nameFr, List<String> aliases, List<String> related) {

    public Skill {
        aliases = List.copyOf(aliases);
        related = List.copyOf(related);
    }

    public String name(Language language) {
        return language == Language.FR ? nameFr : nameEn;
    }
}
