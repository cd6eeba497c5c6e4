package io.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any line at all parses to a command or a usage error; the parser never throws. */
class CommandParserPropertiesTests {

    private final CommandParser parser = new CommandParser();

    @Property(tries = 3000)
    void anyStringParsesWithoutThrowing(@ForAll String line) {
        ParsedLine parsed = parser.parse(line);
        assertThat(parsed).isNotNull();
        if (parsed instanceof ParsedLine.CommandLine c) {
            assertThat(c.root()).isIn(CommandParser.MENTOR, CommandParser.STATS);
            assertThat(c.word()).doesNotContainAnyWhitespaces();
        }
    }

    @Property(tries = 3000)
    void chatShapedLinesParseWithoutThrowing(@ForAll("chatLines") String line) {
        assertThat(parser.parse(line)).isNotNull();
        Arguments args = new Arguments(line);
        assertThat(args.people()).isNotNull();
        assertThat(args.list()).isNotNull();
        assertThat(args.withoutPeople()).isNotNull();
    }

    @Property(tries = 1000)
    void findAlwaysKeepsItsArgument(@ForAll("skillWords") String skill) {
        ParsedLine parsed = parser.parse("/mentor find " + skill);
        assertThat(parsed)
                .isEqualTo(new ParsedLine.CommandLine(
                        "mentor", "find", skill.strip().replaceAll(" +", " ")));
    }

    @Provide
    Arbitrary<String> chatLines() {
        Arbitrary<String> pieces = Arbitraries.of(
                "/",
                "mentor",
                "stats",
                "find",
                "<@U1|x>",
                "<@",
                "<at>",
                "</at>",
                "@",
                "&amp;",
                "&",
                "<",
                ">",
                "|",
                " ",
                "\t",
                "\n",
                "é",
                "référencement",
                ",",
                ";",
                "\u0000",
                "\u00A0",
                "🙂",
                "seo",
                "<at>Tandem</at>",
                "&lt;@U2&gt;");
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> skillWords() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('é', '-', ' ')
                .ofMinLength(1)
                .ofMaxLength(30)
                .filter(s -> !s.isBlank());
    }
}
