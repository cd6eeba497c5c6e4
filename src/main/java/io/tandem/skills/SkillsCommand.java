package io.tandem.skills;

import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Reply;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /mentor skills}: the skills Tandem knows, by category, in the member's language. */
@Component
public class SkillsCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.mentor("skills", "skills", "competences", "taxonomie");

    private final SkillCatalog catalog;

    public SkillsCommand(SkillCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Invocation in) {
        Messages m = in.messages();
        Map<String, List<String>> byCategory = new TreeMap<>(catalog.all().stream()
                .collect(Collectors.groupingBy(
                        Skill::category, Collectors.mapping(s -> s.name(m.language()), Collectors.toList()))));
        Reply.Builder reply = Reply.builder().text(m.get("skills.list.intro"));
        byCategory.forEach((category, names) -> {
            String key = "category." + category;
            reply.items(
                    m.has(key) ? m.get(key) : category,
                    names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        });
        return reply.build();
    }
}
