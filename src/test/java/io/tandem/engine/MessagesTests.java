package io.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTests {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(
                MessagesTests.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        Set<String> fr = new TreeSet<>(bundle("messages_fr.properties").stringPropertyNames());
        Set<String> missingInFrench = new TreeSet<>(en);
        missingInFrench.removeAll(fr);
        Set<String> missingInEnglish = new TreeSet<>(fr);
        missingInEnglish.removeAll(en);
        assertThat(missingInFrench).as("keys missing in messages_fr.properties").isEmpty();
        assertThat(missingInEnglish).as("keys missing in messages.properties").isEmpty();
        assertThat(en).hasSizeGreaterThan(50);
    }

    @Test
    void noMessageIsBlankAndPlaceholdersMatch() throws IOException {
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        Pattern placeholder = Pattern.compile("\\{\\d}");
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(fr.getProperty(key, "")).as(key).isNotBlank();
            assertThat(placeholders(placeholder, fr.getProperty(key, "")))
                    .as("placeholders of " + key)
                    .isEqualTo(placeholders(placeholder, en.getProperty(key)));
        }
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties en = bundle("messages.properties");
        Pattern literal = Pattern.compile("(?:\\bt|\\.get|Refusal|Reason)\\(\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))
                            && !m.group(1).startsWith("spring.")
                            && !m.group(1).startsWith("tandem.")) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing)
                .as("message keys used in code but missing from the bundles")
                .isEmpty();
    }

    @Test
    void everyKeyTheDashboardsPagesNameExists() throws IOException {
        Properties en = bundle("messages.properties");
        Pattern literal = Pattern.compile("t\\.get\\('([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)'");
        Set<String> missing = new TreeSet<>();
        int named = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    named++;
                    if (!en.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(named).isGreaterThan(50);
        assertThat(missing)
                .as("message keys the dashboard's templates use but missing from the bundles")
                .isEmpty();
    }

    @Test
    void fillsPlaceholdersAndKeepsApostrophes() {
        assertThat(Messages.fill("l'équipe de {0} a {1} places", "Ana", 2)).isEqualTo("l'équipe de Ana a 2 places");
        assertThat(Messages.fill("{0} {5} {x}", "a")).isEqualTo("a {5} {x}");
    }

    @Test
    void speaksFrenchWhenAskedAndEnglishOtherwise() {
        assertThat(Messages.of(Language.FR).get("button.request")).isEqualTo("Demander");
        assertThat(Messages.of(Language.EN).get("button.request")).isEqualTo("Request");
        assertThat(Messages.of(Language.of(Locale.GERMAN)).get("button.request"))
                .isEqualTo("Request");
    }

    private static Set<String> placeholders(Pattern p, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
