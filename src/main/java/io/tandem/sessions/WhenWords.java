package io.tandem.sessions;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The words a schedule line is read with, English and French, normalized (lower case, no accents). */
final class WhenWords {

    static final Set<String> TODAY = Set.of("today", "aujourd'hui", "aujourdhui");
    static final Set<String> TOMORROW = Set.of("tomorrow", "demain");
    static final Set<String> AFTER_TOMORROW = Set.of("apres-demain", "apresdemain", "overmorrow");
    static final Set<String> DAY_PREFIXES = Set.of("on", "le");
    static final Set<String> AT = Set.of("at", "a", "@");
    static final Set<String> NEXT = Set.of("next", "prochain", "prochaine");
    static final Set<String> THIS = Set.of("this", "ce");
    static final Set<String> AFTER_WEEKDAY_NEXT = Set.of("prochain", "prochaine");
    static final Set<String> IN = Set.of("in", "dans");
    static final Set<String> DAY_UNITS = Set.of("day", "days", "jour", "jours");
    static final Set<String> WEEK_UNITS = Set.of("week", "weeks", "semaine", "semaines");
    static final Set<String> HOUR_WORDS = Set.of("h", "heure", "heures");
    static final Set<String> NOON = Set.of("noon", "midday", "midi");
    static final Set<String> MIDNIGHT = Set.of("midnight", "minuit");
    static final Set<String> DURATION_PREFIXES = Set.of("for", "pendant", "duree");
    static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("un", 1),
            Map.entry("une", 1),
            Map.entry("deux", 2),
            Map.entry("trois", 3),
            Map.entry("quatre", 4),
            Map.entry("cinq", 5),
            Map.entry("sept", 7));
    static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("sun", DayOfWeek.SUNDAY),
            Map.entry("lundi", DayOfWeek.MONDAY),
            Map.entry("lun", DayOfWeek.MONDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY),
            Map.entry("mar", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY),
            Map.entry("mer", DayOfWeek.WEDNESDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY),
            Map.entry("jeu", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY),
            Map.entry("ven", DayOfWeek.FRIDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY),
            Map.entry("sam", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY),
            Map.entry("dim", DayOfWeek.SUNDAY));

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private WhenWords() {}

    /** A count of days or weeks: up to four digits, or a word; -1 if not one. */
    static int count(String w) {
        if (NUMBER_WORDS.containsKey(w)) {
            return NUMBER_WORDS.get(w);
        }
        return DIGITS.matcher(w).matches() && w.length() <= 4 ? Integer.parseInt(w) : -1;
    }
}
