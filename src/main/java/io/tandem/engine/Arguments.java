package io.tandem.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers to read a command's arguments: people, comma-separated lists, words. */
public final class Arguments {

    private static final Pattern PERSON = Pattern.compile(
            "<@([A-Za-z0-9]+)(?:\\|([^>]*))?>|<at>([^<]{1,200})</at>|(?<![\\w@])@([\\p{L}\\p{N}._-]{1,64})");

    private final String text;

    public Arguments(String text) {
        this.text = text == null ? "" : text.strip();
    }

    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** The people named, in order. */
    public List<PersonRef> people() {
        List<PersonRef> refs = new ArrayList<>();
        Matcher m = PERSON.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                refs.add(new PersonRef(PersonRef.Kind.USER_ID, m.group(1), m.group(2)));
            } else if (m.group(3) != null) {
                refs.add(new PersonRef(
                        PersonRef.Kind.NAME, m.group(3).strip(), m.group(3).strip()));
            } else {
                String handle = m.group(4).replaceAll("[._-]+$", "");
                refs.add(new PersonRef(PersonRef.Kind.HANDLE, handle, handle));
            }
        }
        return refs;
    }

    /** The text with every person reference removed. */
    public String withoutPeople() {
        return PERSON.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    /** Items separated by commas or semicolons, trimmed, blanks dropped. */
    public List<String> list() {
        return Arrays.stream(text.split("[,;\\n]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The first whitespace-separated word, or empty. */
    public String firstWord() {
        int space = indexOfSpace(text);
        return space < 0 ? text : text.substring(0, space);
    }

    /** Everything after the first word. */
    public String afterFirstWord() {
        int space = indexOfSpace(text);
        return space < 0 ? "" : text.substring(space).strip();
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
