package io.tandem.matching;

import io.tandem.engine.Block;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.skills.SkillMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /mentor find <skill>}: the top mentors for a skill, each with why and a Request button. */
@Component
public class FindCommand implements Command {

    public static final int RESULTS = 5;
    private static final CommandSpec SPEC =
            CommandSpec.mentor("find", "find", "search", "cherche", "chercher", "trouve", "trouver", "recherche");

    private final Profiles profiles;
    private final FindingMentors finding;
    private final ProfileStore store;
    private final ProfileView view;

    public FindCommand(Profiles profiles, FindingMentors finding, ProfileStore store, ProfileView view) {
        this.profiles = profiles;
        this.finding = finding;
        this.store = store;
        this.view = view;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Invocation in) {
        if (in.args().isEmpty()) {
            throw new Refusal("find.usage");
        }
        SkillMatch match = view.catalog()
                .resolve(in.args().text())
                .orElseThrow(() -> new Refusal("skill.invalid", in.args().text()));
        return find(in, match);
    }

    /** Also used by the "Find mentors for …" buttons. */
    public Reply find(Invocation in, SkillMatch match) {
        Messages m = in.messages();
        Profile mentee = profiles.mine(in);
        String skill = match.id();
        String skillName = view.skill(skill, m.language());
        List<MentorMatch> mentors = finding.find(mentee, skill, RESULTS);
        if (mentors.isEmpty()) {
            return noMentors(in, match, skillName);
        }
        Reply.Builder reply = Reply.builder().text(m.get("find.heading", skillName));
        for (MentorMatch mentor : mentors) {
            Profile p = mentor.mentor();
            String why = mentor.reasons().stream()
                    .map(r -> MatchReasons.render(r, m, view))
                    .collect(Collectors.joining(" · "));
            List<Block.Field> fields = new ArrayList<>();
            if (p.seniority() != null) {
                fields.add(new Block.Field(
                        m.get("profile.field.seniority"), m.get(p.seniority().messageKey())));
            }
            if (p.team() != null) {
                fields.add(new Block.Field(m.get("profile.field.team"), p.team()));
            }
            fields.add(new Block.Field(m.get("find.field.wants"), view.skills(p.learns(), m.language())));
            reply.block(new Block.Section(
                    p.label(), why, fields, List.of(view.requestButton(p, skill, m), view.profileButton(p, m))));
        }
        if (!mentee.learns().contains(skill)) {
            reply.section(null, m.get("find.tip.learn", skillName));
        }
        return reply.build();
    }

    private Reply noMentors(Invocation in, SkillMatch match, String skillName) {
        Messages m = in.messages();
        Reply.Builder reply = Reply.builder().text(m.get("find.none", skillName));
        List<String> suggestions = new ArrayList<>();
        if (match instanceof SkillMatch.FreeTag tag && tag.didYouMean().isPresent()) {
            suggestions.add(tag.didYouMean().get().id());
        }
        if (match instanceof SkillMatch.Known known) {
            suggestions.addAll(known.skill().related());
        }
        Map<String, Long> taught = suggestions.isEmpty()
                ? Map.of()
                : store.teacherCounts(in.caller().id().workspace(), suggestions);
        List<Block.Button> buttons = suggestions.stream()
                .filter(taught::containsKey)
                .distinct()
                .limit(4)
                .map(s -> view.findButton(s, m))
                .toList();
        Optional<String> suggestion = match instanceof SkillMatch.FreeTag tag
                ? tag.didYouMean().map(s -> s.name(m.language()))
                : Optional.empty();
        suggestion.ifPresent(s -> reply.section(null, m.get("skill.did-you-mean", s)));
        if (!buttons.isEmpty()) {
            reply.block(new Block.Section(null, m.get("find.related"), List.of(), buttons));
        }
        reply.section(null, m.get("find.none.next", skillName));
        return reply.build();
    }
}
