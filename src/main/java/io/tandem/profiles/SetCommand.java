package io.tandem.profiles;

import io.tandem.engine.Arguments;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import io.tandem.engine.TextLimit;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /mentor set <field> <value>} for seniority, team, manager, timezone, capacity and language. Every value is
 * checked; a bad one is refused with what would be accepted, and nothing changes.
 */
@Component
public class SetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.mentor("set", "set", "regler", "definir", "modifier");
    private static final List<String> NONE = List.of("none", "-", "aucun", "aucune", "personne", "nobody");

    private final Profiles profiles;

    public SetCommand(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply run(Invocation in) {
        String field = Text.fold(in.args().firstWord());
        String value = in.args().afterFirstWord();
        if (field.isEmpty()) {
            throw new Refusal("set.usage");
        }
        if (value.isEmpty()) {
            throw new Refusal("set.missing-value", in.args().firstWord());
        }
        Profile me = profiles.mine(in);
        boolean clear = NONE.contains(Text.fold(value));
        Profile updated;
        String shown;
        switch (field) {
            case "seniority", "seniorite", "niveau", "level" -> {
                Seniority s = Seniority.parse(value).orElseThrow(() -> new Refusal("set.bad-seniority", value));
                updated = me.withSeniority(s);
                shown = in.t(s.messageKey());
            }
            case "team", "equipe" -> {
                TextLimit.TEAM.check(value);
                updated = me.withTeam(clear ? null : value);
                shown = clear ? "—" : value;
            }
            case "manager", "responsable", "manageur" -> {
                updated = me.withManager(clear ? null : manager(in, value).id());
                shown = clear ? "—" : manager(in, value).name();
            }
            case "timezone", "tz", "zone", "fuseau", "fuseau-horaire" -> {
                ZoneId zone = zone(value).orElseThrow(() -> new Refusal("set.bad-timezone", value));
                updated = me.withZone(zone);
                shown = zone.getId();
            }
            case "capacity", "capacite", "mentees", "mentores" -> {
                int c = capacity(value);
                updated = me.withCapacity(c);
                shown = String.valueOf(c);
            }
            case "language", "langue", "lang" -> {
                Language l = Language.parse(value).orElseThrow(() -> new Refusal("set.bad-language", value));
                updated = me.withLanguage(l);
                profiles.save(me, updated);
                Messages chosen = Messages.of(l);
                return Reply.text(chosen.get("set.done", chosen.get("set.field.language"), l.code()));
            }
            default -> throw new Refusal("set.unknown-field", in.args().firstWord());
        }
        profiles.save(me, updated);
        return Reply.text(in.t("set.done", in.t("set.field." + canonical(field)), shown));
    }

    private Profile manager(Invocation in, String value) {
        Arguments args = new Arguments(value);
        List<PersonRef> people = args.people();
        PersonRef ref = people.isEmpty()
                ? new PersonRef(PersonRef.Kind.HANDLE, args.firstWord(), args.firstWord())
                : people.get(0);
        Profile manager = profiles.resolve(in, ref);
        if (manager.id().equals(in.caller().id())) {
            throw new Refusal("set.manager-self");
        }
        return manager;
    }

    static Optional<ZoneId> zone(String value) {
        String v = value.strip();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(v)) {
                return Optional.of(ZoneId.of(id));
            }
        }
        try {
            return v.matches("(?i)utc|gmt|z|[+-]\\d{1,2}(:\\d{2})?|(utc|gmt)[+-]\\d{1,2}(:\\d{2})?")
                    ? Optional.of(ZoneId.of(v.toUpperCase(Locale.ROOT)).normalized())
                    : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int capacity(String value) {
        try {
            int c = Integer.parseInt(value.strip());
            if (c >= 0 && c <= Profile.MAX_CAPACITY) {
                return c;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Refusal("set.bad-capacity", value, Profile.MAX_CAPACITY);
    }

    private static String canonical(String field) {
        return switch (field) {
            case "seniorite", "niveau", "level" -> "seniority";
            case "equipe" -> "team";
            case "responsable", "manageur" -> "manager";
            case "tz", "zone", "fuseau", "fuseau-horaire" -> "timezone";
            case "capacite", "mentees", "mentores" -> "capacity";
            default -> field;
        };
    }
}
