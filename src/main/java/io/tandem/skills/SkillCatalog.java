package io.tandem.skills;

import io.tandem.engine.Language;
import io.tandem.engine.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The skill taxonomy and how typed skills resolve to it. Case, accents, plurals and a one-letter typo all find
 * the skill ({@code Référencement}, {@code seoo}, {@code markting automation}); anything else becomes a free
 * tag, with a "did you mean" when a skill is close.
 *
 * <p>File format, one skill a line: {@code id | category | English names | French names | related ids}; the
 * first name of each language is its display name. An operator's file adds skills or replaces them by id.
 */
public final class SkillCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SEPARATORS = Pattern.compile("[-_/]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}+#. ]+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final int MAX_TAG = 40;

    private final Map<String, Skill> byId;
    private final Map<String, String> exact = new LinkedHashMap<>();
    private final Map<String, String> singular = new LinkedHashMap<>();

    public SkillCatalog(Collection<Skill> skills) {
        Map<String, Skill> ids = new LinkedHashMap<>();
        skills.forEach(s -> ids.put(s.id(), s));
        this.byId = Map.copyOf(ids);
        for (Skill skill : ids.values()) {
            List<String> names = new ArrayList<>(skill.aliases());
            names.add(skill.id());
            names.add(skill.nameEn());
            names.add(skill.nameFr());
            for (String name : names) {
                String n = normalize(name);
                if (!n.isEmpty()) {
                    exact.putIfAbsent(n, skill.id());
                    singular.putIfAbsent(singularize(n), skill.id());
                }
            }
        }
    }

    /** Reads the taxonomy file, then each extension file in order (later lines win by id). */
    public static SkillCatalog load(Reader base, Reader... extensions) {
        Map<String, Skill> skills = new LinkedHashMap<>();
        read(base, "built-in taxonomy").forEach(s -> skills.put(s.id(), s));
        for (Reader extension : extensions) {
            read(extension, "tandem.skills.file").forEach(s -> skills.put(s.id(), s));
        }
        for (Skill skill : skills.values()) {
            for (String related : skill.related()) {
                if (!skills.containsKey(related)) {
                    throw new IllegalStateException("Skill " + skill.id() + " lists unknown related skill " + related);
                }
            }
        }
        return new SkillCatalog(skills.values());
    }

    private static List<Skill> read(Reader reader, String source) {
        List<Skill> skills = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] f = trimmed.split("\\|", -1);
                if (f.length != 5 || !ID.matcher(f[0].strip()).matches() || f[2].isBlank() || f[3].isBlank()) {
                    throw new IllegalStateException("Bad skill line " + number + " in " + source
                            + " (expected: id | category | English names | French names | related ids): " + trimmed);
                }
                List<String> en = list(f[2]);
                List<String> fr = list(f[3]);
                List<String> aliases = new ArrayList<>(en);
                aliases.addAll(fr);
                skills.add(new Skill(f[0].strip(), f[1].strip(), en.get(0), fr.get(0), aliases, list(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return skills;
    }

    private static List<String> list(String field) {
        return Arrays.stream(field.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public Optional<Skill> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Skill> all() {
        return byId.values().stream().sorted(Comparator.comparing(Skill::id)).toList();
    }

    /** The display name of a skill id in a language; a free tag shows as itself. */
    public String name(String id, Language language) {
        Skill skill = byId.get(id);
        return skill == null ? id.replace('-', ' ') : skill.name(language);
    }

    /** Resolves what a member typed; empty when nothing usable was typed (only punctuation, say). */
    public Optional<SkillMatch> resolve(String typed) {
        String n = normalize(typed);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        String id = exact.get(n);
        if (id == null) {
            id = singular.get(singularize(n));
        }
        if (id != null) {
            return Optional.of(new SkillMatch.Known(byId.get(id)));
        }
        String s = singularize(n);
        if (s.length() >= 4) {
            List<String> close = closest(s, 1);
            if (close.size() == 1) {
                return Optional.of(new SkillMatch.Known(byId.get(close.get(0))));
            }
        }
        String tag = SEPARATORS.matcher(n.replace(' ', '-')).replaceAll("-").replaceAll("^[-.]+|[-.]+$", "");
        if (tag.isEmpty()) {
            return Optional.empty();
        }
        if (tag.length() > MAX_TAG) {
            tag = tag.substring(0, MAX_TAG).replaceAll("[-.]+$", "");
        }
        return Optional.of(new SkillMatch.FreeTag(tag, suggestion(s)));
    }

    private Optional<Skill> suggestion(String s) {
        int max = s.length() >= 10 ? 3 : 2;
        List<String> close = s.length() >= 3 ? closest(s, max) : List.of();
        if (!close.isEmpty()) {
            return Optional.of(byId.get(close.get(0)));
        }
        if (s.length() >= 4) {
            for (Map.Entry<String, String> e : singular.entrySet()) {
                if ((" " + e.getKey() + " ").contains(" " + s + " ")) {
                    return Optional.of(byId.get(e.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    /** Skill ids whose names are nearest to {@code s}, within {@code max} edits; nearest first, distinct. */
    private List<String> closest(String s, int max) {
        int best = max + 1;
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, String> e : singular.entrySet()) {
            if (e.getKey().length() < 3) {
                continue;
            }
            int d = Text.distance(s, e.getKey(), max);
            if (d < best) {
                best = d;
                ids.clear();
            }
            if (d == best && d <= max && !ids.contains(e.getValue())) {
                ids.add(e.getValue());
            }
        }
        return ids;
    }

    /** A skill typed at the start of a line, and the rest of the line: {@code seo How do I start?}. */
    public record Leading(SkillMatch skill, String rest) {}

    /**
     * Reads the skill at the start of {@code text}: the longest run of up to {@code maxWords} words that is a known
     * skill, else the first word as a free tag. Empty when the text is blank or its first word is no skill at all.
     */
    public Optional<Leading> leading(String text, int maxWords) {
        String[] words =
                text == null || text.isBlank() ? new String[0] : text.strip().split("\\s+");
        if (words.length == 0) {
            return Optional.empty();
        }
        for (int n = Math.min(maxWords, words.length); n >= 1; n--) {
            Optional<SkillMatch> match = resolve(String.join(" ", Arrays.copyOfRange(words, 0, n)));
            if (match.isPresent() && match.get() instanceof SkillMatch.Known) {
                return Optional.of(
                        new Leading(match.get(), String.join(" ", Arrays.copyOfRange(words, n, words.length))));
            }
        }
        return resolve(words[0])
                .map(tag -> new Leading(tag, String.join(" ", Arrays.copyOfRange(words, 1, words.length))));
    }

    static String normalize(String s) {
        String folded = SEPARATORS.matcher(Text.fold(s)).replaceAll(" ");
        return BLANKS.matcher(NOT_WORD.matcher(folded).replaceAll(" "))
                .replaceAll(" ")
                .strip();
    }

    /** Crude English and French singular, applied to both sides of every comparison. */
    static String singularize(String normalized) {
        String[] words = normalized.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.length() > 4 && w.endsWith("eaux")) {
                w = w.substring(0, w.length() - 1);
            } else if (w.length() > 4 && w.endsWith("aux")) {
                w = w.substring(0, w.length() - 3) + "al";
            } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
                w = w.substring(0, w.length() - 1);
            }
            words[i] = w;
        }
        return String.join(" ", words);
    }
}
