package io.tandem.programme;

import io.tandem.config.TandemProperties;
import io.tandem.engine.Language;
import io.tandem.engine.Refusal;
import io.tandem.engine.Text;
import io.tandem.profiles.DefaultCapacity;
import io.tandem.profiles.Profile;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * The programme's settings, per workspace: what a lead set from chat ({@code /mentor admin set}), else the
 * configured default. Every value is checked when it is set; what is stored is always readable.
 */
@Component
public class ProgrammeSettings implements DefaultCapacity {

    /** The settings a lead can change, by the name they type. */
    public enum Key {
        PROGRAMME_CHANNEL,
        PROGRAMME_LANGUAGE,
        TIP_DAY,
        TIP_TIME,
        WORKDAY_START,
        WORKDAY_END,
        WORKING_DAYS,
        REMINDERS,
        REQUEST_EXPIRY,
        ESCALATE_AFTER,
        DEFAULT_CAPACITY,
        NOTE_RETENTION;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Key> parse(String text) {
            String t = Text.fold(text).replace('_', '-');
            return Arrays.stream(values()).filter(k -> k.id().equals(t)).findFirst();
        }
    }

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("lundi", DayOfWeek.MONDAY),
            Map.entry("lun", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY),
            Map.entry("mar", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY),
            Map.entry("mer", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY),
            Map.entry("jeu", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY),
            Map.entry("ven", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY),
            Map.entry("sam", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("sun", DayOfWeek.SUNDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY),
            Map.entry("dim", DayOfWeek.SUNDAY));

    private final SettingsStore store;
    private final TandemProperties.Nudges nudges;
    private final Duration requestExpiry;
    private final Duration escalateAfter;
    private final Optional<Duration> noteRetention;

    public ProgrammeSettings(SettingsStore store, TandemProperties properties) {
        this.noteRetention = Optional.ofNullable(properties.privacy().noteRetention());
        this.store = store;
        this.nudges = properties.nudges();
        this.requestExpiry = properties.requests().expireAfter();
        this.escalateAfter = properties.qa().escalateAfter();
    }

    /** What a lead set, if anything. */
    public Optional<String> get(String workspace, Key key) {
        return Optional.ofNullable(store.all(workspace).get(key.id()));
    }

    public Map<String, String> changed(String workspace) {
        return store.all(workspace);
    }

    public DayOfWeek tipDay(String ws) {
        return get(ws, Key.TIP_DAY).map(DayOfWeek::valueOf).orElse(nudges.tipDay());
    }

    public LocalTime tipTime(String ws) {
        return get(ws, Key.TIP_TIME).map(LocalTime::parse).orElse(nudges.tipTime());
    }

    public LocalTime workdayStart(String ws) {
        return workday(ws).start();
    }

    public LocalTime workdayEnd(String ws) {
        return workday(ws).end();
    }

    public Set<DayOfWeek> workingDays(String ws) {
        return workday(ws).days();
    }

    /** When members may be messaged, read in one go (every nudge asks). */
    public record Workday(LocalTime start, LocalTime end, Set<DayOfWeek> days) {}

    public Workday workday(String ws) {
        Map<String, String> set = store.all(ws);
        return new Workday(
                Optional.ofNullable(set.get(Key.WORKDAY_START.id()))
                        .map(LocalTime::parse)
                        .orElse(nudges.workdayStart()),
                Optional.ofNullable(set.get(Key.WORKDAY_END.id()))
                        .map(LocalTime::parse)
                        .orElse(nudges.workdayEnd()),
                Optional.ofNullable(set.get(Key.WORKING_DAYS.id()))
                        .map(v -> Set.copyOf(Arrays.stream(v.split(","))
                                .map(DayOfWeek::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)))))
                        .orElse(nudges.workingDays()));
    }

    public List<Duration> reminders(String ws) {
        return get(ws, Key.REMINDERS)
                .map(v -> Arrays.stream(v.split(","))
                        .map(DurationStyle::detectAndParse)
                        .toList())
                .orElse(nudges.reminders());
    }

    public Duration requestExpiry(String ws) {
        return get(ws, Key.REQUEST_EXPIRY).map(DurationStyle::detectAndParse).orElse(requestExpiry);
    }

    public Duration escalateAfter(String ws) {
        return get(ws, Key.ESCALATE_AFTER).map(DurationStyle::detectAndParse).orElse(escalateAfter);
    }

    /** How long check-in notes are kept (empty: as long as the member keeps them). */
    public Optional<Duration> noteRetention(String ws) {
        Optional<String> set = get(ws, Key.NOTE_RETENTION);
        if (set.isPresent()) {
            return set.get().equals(KEEP) ? Optional.empty() : Optional.of(DurationStyle.detectAndParse(set.get()));
        }
        return noteRetention;
    }

    static final String KEEP = "keep";

    @Override
    public int defaultCapacity(String ws) {
        return get(ws, Key.DEFAULT_CAPACITY).map(Integer::parseInt).orElse(Profile.DEFAULT_CAPACITY);
    }

    /**
     * Checks and stores a value typed by a lead; returns it as stored. The programme channel is handled by
     * {@link Programme}, which knows what "here" is.
     */
    public String set(String ws, Key key, String typed) {
        String value = typed.strip();
        String stored = switch (key) {
            case PROGRAMME_CHANNEL -> value;
            case PROGRAMME_LANGUAGE ->
                Language.parse(value).map(l -> l.code()).orElseThrow(() -> new Refusal("settings.invalid.language"));
            case TIP_DAY -> day(value).name();
            case TIP_TIME -> time(value).toString();
            case WORKDAY_START -> {
                LocalTime start = time(value);
                if (!start.isBefore(workdayEnd(ws))) {
                    throw new Refusal("settings.invalid.workday");
                }
                yield start.toString();
            }
            case WORKDAY_END -> {
                LocalTime end = time(value);
                if (!workdayStart(ws).isBefore(end)) {
                    throw new Refusal("settings.invalid.workday");
                }
                yield end.toString();
            }
            case WORKING_DAYS -> days(value).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
            case REMINDERS -> {
                List<Duration> offsets = Arrays.stream(value.split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .map(s -> duration(s, Duration.ofMinutes(5), Duration.ofDays(7)))
                        .distinct()
                        .toList();
                if (offsets.isEmpty() || offsets.size() > 3) {
                    throw new Refusal("settings.invalid.reminders");
                }
                yield offsets.stream().map(ProgrammeSettings::format).collect(Collectors.joining(","));
            }
            case REQUEST_EXPIRY -> format(duration(value, Duration.ofHours(1), Duration.ofDays(60)));
            case ESCALATE_AFTER -> format(duration(value, Duration.ofHours(1), Duration.ofDays(30)));
            case NOTE_RETENTION ->
                List.of("keep", "forever", "garder", "toujours").contains(Text.fold(value))
                        ? KEEP
                        : format(duration(value, Duration.ofDays(1), Duration.ofDays(3650)));
            case DEFAULT_CAPACITY -> {
                if (!value.matches("\\d{1,2}") || Integer.parseInt(value) > Profile.MAX_CAPACITY) {
                    throw new Refusal("settings.invalid.capacity", Profile.MAX_CAPACITY);
                }
                yield String.valueOf(Integer.parseInt(value));
            }
        };
        store.set(ws, key.id(), stored);
        return stored;
    }

    /** Back to the configured default. */
    public void reset(String ws, Key key) {
        store.remove(ws, key.id());
    }

    public static String format(Duration d) {
        if (d.toMinutes() % (60 * 24) == 0) {
            return d.toDays() + "d";
        }
        return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }

    private static DayOfWeek day(String text) {
        return Optional.ofNullable(DAYS.get(Text.fold(text)))
                .orElseThrow(() -> new Refusal("settings.invalid.day", text));
    }

    private static Set<DayOfWeek> days(String text) {
        String t = Text.fold(text).replace(" ", "");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : t.split(",")) {
            String[] range = part.split("-");
            if (range.length == 2) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else if (!part.isBlank()) {
                days.add(day(part));
            }
        }
        if (days.isEmpty()) {
            throw new Refusal("settings.invalid.days");
        }
        return days;
    }

    private static LocalTime time(String text) {
        String t = Text.fold(text).replace('h', ':');
        if (t.endsWith(":")) {
            t = t + "00";
        }
        try {
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            throw new Refusal("settings.invalid.time", text);
        }
    }

    private static Duration duration(String text, Duration least, Duration most) {
        Duration d;
        try {
            d = DurationStyle.detectAndParse(Text.fold(text).replace("j", "d"));
        } catch (IllegalArgumentException e) {
            throw new Refusal("settings.invalid.duration", text);
        }
        if (d.compareTo(least) < 0 || d.compareTo(most) > 0) {
            throw new Refusal("settings.invalid.range", text, format(least), format(most));
        }
        return d;
    }
}
