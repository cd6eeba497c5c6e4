package io.tandem.profiles;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A member's profile. Immutable: changes go through the {@code with…} methods and {@link ProfileStore#save}.
 *
 * @param id        who
 * @param name      display name, as the platform last reported it
 * @param handle    the short name others type after {@code @}
 * @param language  the language the member chose, or {@code null} to follow the platform's locale
 * @param locale    the language the platform last reported
 * @param zone      timezone, or {@code null} when unknown
 * @param zonePinned true when the member set the timezone themselves (the platform's no longer overrides it)
 * @param seniority how senior, or {@code null} when not said
 * @param team      team name, or {@code null}
 * @param manager   the member's manager, or {@code null}
 * @param capacity  mentees at once
 * @param mentees   current mentees (maintained by the mentoring flow)
 * @param bio       a sentence about themselves, or {@code null}
 * @param paused    paused members are not found by anyone
 * @param teaches   skill ids the member can teach
 * @param learns    skill ids the member wants to learn
 * @param joined    first contact
 */
public record Profile(
        MemberId id,
        String name,
        String handle,
        Language language,
        Language locale,
        ZoneId zone,
        boolean zonePinned,
        Seniority seniority,
        String team,
        MemberId manager,
        int capacity,
        int mentees,
        String bio,
        boolean paused,
        Set<String> teaches,
        Set<String> learns,
        Instant joined) {

    public static final int DEFAULT_CAPACITY = 2;
    public static final int MAX_CAPACITY = 10;

    public Profile {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.user() : name;
        handle = handle == null || handle.isBlank() ? id.user() : handle;
        locale = locale == null ? Language.EN : locale;
        teaches = Set.copyOf(new LinkedHashSet<>(teaches == null ? Set.of() : teaches));
        learns = Set.copyOf(new LinkedHashSet<>(learns == null ? Set.of() : learns));
        joined = joined == null ? Instant.EPOCH : joined;
    }

    public static Profile newcomer(MemberId id, String name, Language locale, ZoneId zone, Instant now) {
        return new Profile(
                id,
                name,
                id.user(),
                null,
                locale,
                zone,
                false,
                null,
                null,
                null,
                DEFAULT_CAPACITY,
                0,
                null,
                false,
                Set.of(),
                Set.of(),
                now);
    }

    /**
     * How others see this member in a list: {@code Ana Lima (@ana)}. The name alone when the handle is only the
     * platform's opaque id (a Teams member's is their AAD object id, which nobody could type or recognise); a
     * Teams member whose handle Tandem learnt (a user principal name from a roster) shows it.
     */
    public String label() {
        boolean opaque = id.platform() == Platform.TEAMS && handle.equals(id.user());
        return opaque ? name : name + " (@" + handle + ")";
    }

    /** The language to speak to this member: their choice, else what their platform says. */
    public Language effectiveLanguage() {
        return language != null ? language : locale;
    }

    public int spare() {
        return Math.max(0, capacity - mentees);
    }

    /** Applies what the platform reported; {@code null} means it did not say, and the profile keeps its own. */
    public Profile withBasics(String reportedName, Language reportedLocale, ZoneId platformZone) {
        return edit(d -> {
            d.zone = zonePinned || platformZone == null ? zone : platformZone;
            d.name = reportedName == null ? name : reportedName;
            d.locale = reportedLocale == null ? locale : reportedLocale;
        });
    }

    public Profile withHandle(String h) {
        return edit(d -> d.handle = h);
    }

    public Profile withTeaches(Set<String> skills) {
        return edit(d -> d.teaches = skills);
    }

    public Profile withLearns(Set<String> skills) {
        return edit(d -> d.learns = skills);
    }

    public Profile withBio(String text) {
        return edit(d -> d.bio = text);
    }

    public Profile withPaused(boolean p) {
        return edit(d -> d.paused = p);
    }

    public Profile withSeniority(Seniority s) {
        return edit(d -> d.seniority = s);
    }

    public Profile withTeam(String t) {
        return edit(d -> d.team = t);
    }

    public Profile withManager(MemberId m) {
        return edit(d -> d.manager = m);
    }

    /** A timezone the member chose: the platform's no longer replaces it. */
    public Profile withZone(ZoneId z) {
        return edit(d -> {
            d.zone = z;
            d.zonePinned = true;
        });
    }

    public Profile withCapacity(int c) {
        return edit(d -> d.capacity = c);
    }

    public Profile withLanguage(Language l) {
        return edit(d -> d.language = l);
    }

    /** This profile with {@code change} applied to a copy of its fields. */
    private Profile edit(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new Profile(
                id,
                d.name,
                d.handle,
                d.language,
                d.locale,
                d.zone,
                d.zonePinned,
                d.seniority,
                d.team,
                d.manager,
                d.capacity,
                mentees,
                d.bio,
                d.paused,
                d.teaches,
                d.learns,
                joined);
    }

    /** The fields a {@code with…} method may change (the id, mentee count and join date never change here). */
    private static final class Draft {
        String name;
        String handle;
        Language language;
        Language locale;
        ZoneId zone;
        boolean zonePinned;
        Seniority seniority;
        String team;
        MemberId manager;
        int capacity;
        String bio;
        boolean paused;
        Set<String> teaches;
        Set<String> learns;

        Draft(Profile p) {
            name = p.name;
            handle = p.handle;
            language = p.language;
            locale = p.locale;
            zone = p.zone;
            zonePinned = p.zonePinned;
            seniority = p.seniority;
            team = p.team;
            manager = p.manager;
            capacity = p.capacity;
            bio = p.bio;
            paused = p.paused;
            teaches = p.teaches;
            learns = p.learns;
        }
    }

    /** True when one manages the other directly: such pairs are never suggested. */
    public boolean inReportingLineWith(Profile other) {
        return id.equals(other.manager()) || other.id().equals(manager);
    }
}
