package io.tandem.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Command lines as members might type them, then damaged: real commands of the grammar (English and French,
 * with and without the slash, after a mention) with 0 to 3 mutations each: truncation, odd characters (emoji,
 * right-to-left marks, control characters, NUL, lone surrogates), 10,000-character tokens, mentions of nobody,
 * past or impossible dates, numbers out of range, markup and injection attempts, or nothing at all. Seeded: the
 * same seed gives the same lines.
 */
final class CommandLineFuzzer {

    static final List<String> COMMANDS = List.of(
            "/mentor find seo",
            "/mentor find public speaking",
            "/mentor cherche référencement",
            "find seo",
            "/mentor teach seo, social media",
            "/mentor enseigner négociation",
            "/mentor learn negotiation",
            "/mentor apprendre prise de parole",
            "/mentor unteach seo",
            "/mentor unlearn negotiation",
            "/mentor profile",
            "/mentor profile @bob",
            "/mentor profil @alice",
            "/mentor bio I run our Instagram",
            "/mentor set seniority junior",
            "/mentor set team Growth",
            "/mentor set manager @carol",
            "/mentor set timezone Europe/Paris",
            "/mentor set capacity 3",
            "/mentor set language fr",
            "/mentor regler seniorite senior",
            "/mentor skills",
            "/mentor competences",
            "/mentor pause",
            "/mentor resume",
            "/mentor request @bob seo hi",
            "/mentor solliciter @bob référencement salut",
            "/mentor pairs",
            "/mentor binomes",
            "/mentor end @bob It was great",
            "/mentor schedule @bob tomorrow 15:00",
            "/mentor schedule @bob thu 9:30 1h SEO audit",
            "/mentor schedule @bob 2026-12-03 15:00",
            "/mentor planifier @bob demain 15h",
            "/mentor sessions",
            "/mentor reschedule 3f9a2c tomorrow 16:00",
            "/mentor cancel 3f9a2c",
            "/mentor checkin",
            "/mentor ask seo How do I find keywords?",
            "/mentor ask --anon seo Is it too late?",
            "/mentor demande --anonyme référencement Comment ?",
            "/mentor questions",
            "/mentor answer 3f9a2c Try the search console",
            "/mentor my-questions",
            "/mentor tip seo Read the suggestions first",
            "/mentor tips",
            "/mentor tips seo",
            "/mentor astuces",
            "/mentor nudges off reminders",
            "/mentor nudges on tips",
            "/mentor rappels off bilans",
            "/mentor admin lead add @bob",
            "/mentor admin lead remove @bob",
            "/mentor admin set reminders 1h",
            "/mentor admin set tip-day thursday",
            "/mentor admin settings",
            "/mentor admin import\nhandle,name,seniority,teaches\ndave,Dave D,junior,seo",
            "/stats",
            "/stats month",
            "/stats quarter seo",
            "/stats all",
            "/stats delivery",
            "/stats export month",
            "/stats mois",
            "/mentor export",
            "/mentor help",
            "/mentor aide",
            "help",
            "@Tandem find seo",
            "<@U0BOT> find seo",
            "<at>Tandem</at> teach seo",
            "mentor find seo",
            "/mentor",
            "/frobnicate now");

    private static final String[] ODD = {
        "é",
        "ß",
        "中文",
        "😀",
        "👩🏽‍💻",
        "\u202E",
        "\u200F",
        "\u200B",
        "\uFEFF",
        "\u0000",
        "\u0001",
        "\u001B[31m",
        "\u007F",
        "\u0085",
        "\u2028",
        "\t",
        "\r\n",
        "\n\n\n",
        "e\u0301",
        "\uD83D",
        "\uDE00",
        "\uFFFF",
        "\uFFFD",
        "ﷺ",
        "𝕊𝔼𝕆",
        "İ",
        "ǅ",
        "\u00A0",
        "\u3000",
        "%00",
        "\\",
        "\"",
        "'"
    };
    private static final String[] MENTIONS = {
        "@bob",
        "@alice",
        "@nobody",
        "@",
        "@@@",
        "@bob@bob",
        "<@U123|x>",
        "<@U123>",
        "<@>",
        "<@U0BOB|bob>",
        "<!channel>",
        "<!here>",
        "<!subteam^S123|devs>",
        "<#C123|general>",
        "<at>Tandem</at>",
        "<at></at>",
        "@Tandem",
        "<@U0BOT>"
    };
    private static final String[] NUMBERS = {
        "-1",
        "0",
        "11",
        "99999999999999999999",
        "1e309",
        "0x10",
        "-0",
        "2147483648",
        "９",
        "½",
        "1,5",
        "3.7",
        "Infinity",
        "nan"
    };
    private static final String[] DATES = {
        "yesterday",
        "1970-01-01 00:00",
        "2019-02-29 10:00",
        "2020-01-01 10:00",
        "9999-12-31 23:59",
        "2026-13-45 25:99",
        "24:00",
        "15:60",
        "tomorrow 25:00",
        "hier 15h",
        "-5 days",
        "00:00",
        "mon",
        "31/02",
        "now",
        "1h",
        "0m",
        "999h",
        "-1h",
        "P1D"
    };
    private static final String[] MARKUP = {
        "*bold*",
        "_it_",
        "~x~",
        "`code`",
        "```block```",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "&lt;&amp;&gt;",
        "&#0;",
        "&#x110000;",
        "' OR 1=1 --",
        "\"; DROP TABLE x;",
        "${jndi:ldap://x/a}",
        "%s %n %d",
        "{7} {42}",
        "{{7*7}}",
        "<https://evil.example|click>",
        "> quote",
        "[link](javascript:alert(1))",
        "{\"blocks\":[]}",
        "*\n*",
        "<",
        ">",
        "&",
        "&amp;lt;",
        "\\u0000",
        "..",
        "../../etc/passwd",
        "--anon",
        "--anonyme",
        ",",
        ",,,",
        "|"
    };

    private final Random random;

    CommandLineFuzzer(long seed) {
        this.random = new Random(seed);
    }

    List<String> lines(int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(line());
        }
        return lines;
    }

    private String line() {
        int kind = random.nextInt(100);
        if (kind < 3) {
            return "";
        }
        if (kind < 6) {
            return pick(new String[] {" ", "\t", "\n", "   \n \t ", "\u00A0", "\u200B\u200B", "\u3000"});
        }
        if (kind < 9) {
            return garbage(1 + random.nextInt(60));
        }
        String line = pick(COMMANDS);
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            line = mutate(line);
        }
        return line;
    }

    private String mutate(String line) {
        return switch (random.nextInt(11)) {
            case 0 -> line.substring(0, random.nextInt(line.length() + 1));
            case 1 -> insert(line, pick(ODD));
            case 2 -> insert(line, " " + token(random.nextBoolean() ? 10_000 : 100 + random.nextInt(3_500)) + " ");
            case 3 -> insert(line, " " + pick(MENTIONS) + " ");
            case 4 -> line + " " + pick(NUMBERS);
            case 5 -> line + " " + pick(DATES);
            case 6 -> insert(line, pick(MARKUP));
            case 7 -> line.replace("@bob", pick(MENTIONS));
            case 8 -> line.toUpperCase(Locale.ROOT);
            case 9 -> line + " " + line;
            default -> replaceWord(line);
        };
    }

    private String insert(String line, String what) {
        int at = random.nextInt(line.length() + 1);
        return line.substring(0, at) + what + line.substring(at);
    }

    private String replaceWord(String line) {
        String[] words = line.split(" ", -1);
        words[random.nextInt(words.length)] = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> pick(NUMBERS);
            case 2 -> pick(DATES);
            default -> pick(MARKUP);
        };
        return String.join(" ", words);
    }

    private String token(int length) {
        StringBuilder out = new StringBuilder(length);
        String alphabet = random.nextBoolean() ? "a" : "abcdefghijklmnopqrstuvwxyzé0123456789-_.@";
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private String garbage(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(4) == 0 ? pick(ODD) : String.valueOf((char) (random.nextInt(0x3000))));
        }
        return out.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
