package io.tandem.profiles;

import io.tandem.engine.Block;
import io.tandem.engine.HomeSection;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Reply;
import io.tandem.engine.TextLimit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * The profile form: one place to set skills, seniority, team, timezone, capacity and bio (a modal in Slack, a
 * card in Teams, a form in the console). A submission with a bad value comes back with the errors under the
 * fields and nothing saved.
 */
final class EditingProfile {

    static final String OPEN = "mentoring.profile.edit";
    static final String SAVE = "mentoring.profile.save";

    private EditingProfile() {}

    static Block.Button button(Messages m) {
        return new Block.Button(OPEN, m.get("profile.edit.button"), "", Block.ButtonStyle.DEFAULT);
    }

    static Block.Form form(
            Profile p, Messages m, ProfileView view, Map<String, String> values, Map<String, String> errors) {
        List<Block.Choice> seniorities = new ArrayList<>();
        for (Seniority s : Seniority.values()) {
            seniorities.add(new Block.Choice(s.id(), m.get(s.messageKey())));
        }
        List<Block.Choice> capacities = IntStream.rangeClosed(0, Profile.MAX_CAPACITY)
                .mapToObj(i -> new Block.Choice(String.valueOf(i), String.valueOf(i)))
                .toList();
        List<Block.Input> inputs = List.of(
                new Block.Input(
                        "teaches",
                        m.get("profile.field.teaches"),
                        Block.InputType.TEXT,
                        false,
                        values.getOrDefault("teaches", names(p.teaches(), m, view)),
                        m.get("profile.edit.skills-hint"),
                        null),
                new Block.Input(
                        "learns",
                        m.get("profile.field.learns"),
                        Block.InputType.TEXT,
                        false,
                        values.getOrDefault("learns", names(p.learns(), m, view)),
                        m.get("profile.edit.skills-hint"),
                        null),
                new Block.Input(
                        "seniority",
                        m.get("profile.field.seniority"),
                        Block.InputType.SELECT,
                        false,
                        values.getOrDefault(
                                "seniority",
                                p.seniority() == null ? "" : p.seniority().id()),
                        "",
                        seniorities),
                new Block.Input(
                        "team",
                        m.get("profile.field.team"),
                        Block.InputType.TEXT,
                        false,
                        values.getOrDefault("team", p.team() == null ? "" : p.team()),
                        "",
                        null),
                new Block.Input(
                        "timezone",
                        m.get("profile.field.timezone"),
                        Block.InputType.TEXT,
                        false,
                        values.getOrDefault(
                                "timezone", p.zone() == null ? "" : p.zone().getId()),
                        "Europe/Paris",
                        null),
                new Block.Input(
                        "capacity",
                        m.get("profile.field.capacity"),
                        Block.InputType.SELECT,
                        true,
                        values.getOrDefault("capacity", String.valueOf(p.capacity())),
                        "",
                        capacities),
                new Block.Input(
                        "bio",
                        m.get("profile.field.bio"),
                        Block.InputType.MULTILINE,
                        false,
                        values.getOrDefault("bio", p.bio() == null ? "" : p.bio()),
                        m.get("profile.edit.bio-hint"),
                        null));
        return new Block.Form(SAVE, m.get("profile.edit.title"), m.get("profile.edit.submit"), inputs, errors);
    }

    private static String names(Set<String> skills, Messages m, ProfileView view) {
        return view.typedSkillsInitial(skills, m.language());
    }

    /** The Edit profile button: opens the form. */
    static Reply open(Invocation in, Profiles profiles, ProfileView view) {
        return Reply.builder()
                .block(form(profiles.mine(in), in.messages(), view, Map.of(), Map.of()))
                .build();
    }

    /** The form's submission: checks every field, saves all or nothing. */
    static Reply save(Invocation in, Profiles profiles, ProfileView view) {
        Messages m = in.messages();
        Profile me = profiles.mine(in);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> teaches = skills(in.action().field("teaches"), "teaches", m, errors, view);
        Set<String> learns = skills(in.action().field("learns"), "learns", m, errors, view);
        String seniorityText = in.action().field("seniority");
        Optional<Seniority> seniority = Seniority.parse(seniorityText);
        if (!seniorityText.isEmpty() && seniority.isEmpty()) {
            errors.put("seniority", m.get("set.bad-seniority", seniorityText));
        }
        String team = in.action().field("team");
        if (!TextLimit.TEAM.fits(team)) {
            errors.put("team", TextLimit.TEAM.problem(team, m));
        }
        String zoneText = in.action().field("timezone");
        Optional<ZoneId> zone = zoneText.isEmpty() ? Optional.empty() : SetCommand.zone(zoneText);
        if (!zoneText.isEmpty() && zone.isEmpty()) {
            errors.put("timezone", m.get("set.bad-timezone", zoneText));
        }
        Integer capacity = capacity(in.action().field("capacity"));
        if (capacity == null) {
            errors.put("capacity", m.get("set.bad-capacity", in.action().field("capacity"), Profile.MAX_CAPACITY));
        }
        String bio = in.action().field("bio");
        if (!TextLimit.BIO.fits(bio)) {
            errors.put("bio", TextLimit.BIO.problem(bio, m));
        }
        if (!errors.isEmpty()) {
            return Reply.builder()
                    .block(form(me, m, view, in.action().fields(), errors))
                    .build();
        }
        Profile updated = me.withTeaches(teaches)
                .withLearns(learns)
                .withSeniority(seniority.orElse(null))
                .withTeam(team.isEmpty() ? null : team)
                .withCapacity(capacity)
                .withBio(bio.isEmpty() ? null : bio);
        if (zone.isPresent()) {
            updated = updated.withZone(zone.get());
        }
        profiles.save(me, updated);
        return Reply.builder()
                .text(m.get("profile.edit.saved"))
                .block(view.card(updated, m, List.of(button(m))))
                .build();
    }

    private static Set<String> skills(
            String text, String field, Messages m, Map<String, String> errors, ProfileView view) {
        ProfileView.TypedSkills typed = view.typedSkills(text, m);
        if (typed.problem() != null) {
            errors.put(field, typed.problem());
        }
        return typed.ids();
    }

    private static Integer capacity(String text) {
        try {
            int c = Integer.parseInt(text.strip());
            return c >= 0 && c <= Profile.MAX_CAPACITY ? c : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Home: who I am, what I can do next. */
    @Component
    static class Home implements HomeSection {
        private final Profiles profiles;
        private final ProfileView view;

        Home(Profiles profiles, ProfileView view) {
            this.profiles = profiles;
            this.view = view;
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public List<Block> blocks(Invocation in) {
            Messages m = in.messages();
            Profile me = profiles.mine(in);
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Section(m.get("home.welcome", me.name()), m.get("home.intro"), List.of(), List.of()));
            blocks.add(view.card(me, m, List.of(button(m))));
            List<Block.Button> finds = me.learns().stream()
                    .sorted()
                    .limit(5)
                    .map(s -> view.findButton(s, m))
                    .collect(Collectors.toList());
            blocks.add(new Block.Section(
                    m.get("home.find.heading"),
                    m.get(finds.isEmpty() ? "home.find.empty" : "home.find.some"),
                    List.of(),
                    finds));
            return blocks;
        }
    }
}
