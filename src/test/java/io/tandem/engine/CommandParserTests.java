package io.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTests {

    private final CommandParser parser = new CommandParser();

    private ParsedLine.CommandLine command(String line) {
        ParsedLine parsed = parser.parse(line);
        assertThat(parsed).isInstanceOf(ParsedLine.CommandLine.class);
        return (ParsedLine.CommandLine) parsed;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/mentor find seo",
                "mentor find seo",
                "find seo",
                "<@U0TANDEM> find seo",
                "<@U0TANDEM|tandem> find seo",
                "<at>Tandem</at> find seo",
                "@Tandem find seo",
                "  /MENTOR   FIND seo  ",
                "<at>Tandem</at> mentor find seo",
                "/Mentor Find seo"
            })
    void readsTheSameCommandOnEveryPlatform(String line) {
        ParsedLine.CommandLine c = command(line);
        assertThat(c.root()).isEqualTo("mentor");
        assertThat(c.word()).isEqualTo("find");
        assertThat(c.args()).isEqualTo("seo");
    }

    @Test
    void keepsTheArgumentsAsTyped() {
        assertThat(command("/mentor cherche Référencement Naturel").args()).isEqualTo("Référencement Naturel");
        assertThat(command("/mentor bio I love   SEO").args()).isEqualTo("I love SEO");
    }

    @Test
    void keepsLineBreaksButCollapsesOtherSpaces() {
        assertThat(command("/mentor bio line one  \u00A0\n\n\tline\u2003two").args())
                .isEqualTo("line one\nline two");
        assertThat(command("mentor\u3000find\u200Bseo").word()).isEqualTo("find");
    }

    @Test
    void foldsTheSubcommandWithoutAccents() {
        assertThat(command("/mentor Régler fuseau Europe/Paris").word()).isEqualTo("regler");
    }

    @Test
    void readsStatsAsItsOwnRoot() {
        ParsedLine.CommandLine c = command("/stats month seo");
        assertThat(c.root()).isEqualTo("stats");
        assertThat(c.word()).isEqualTo("month");
        assertThat(c.args()).isEqualTo("seo");
        assertThat(command("/stats").word()).isEmpty();
    }

    @Test
    void treatsARootAloneAsNoSubcommand() {
        ParsedLine.CommandLine c = command("/mentor");
        assertThat(c.word()).isEmpty();
        assertThat(c.args()).isEmpty();
    }

    @Test
    void decodesSlackAndTeamsEntities() {
        assertThat(command("/mentor find R&amp;D").args()).isEqualTo("R&D");
        assertThat(command("find&nbsp;seo").args()).isEqualTo("seo");
        assertThat(command("/mentor profile &lt;@U123|bob&gt;").args()).isEqualTo("<@U123|bob>");
    }

    @Test
    void reportsEmptyLines() {
        assertThat(parser.parse("   ")).isEqualTo(new ParsedLine.UsageError(ParsedLine.Problem.EMPTY, ""));
        assertThat(parser.parse(null)).isEqualTo(new ParsedLine.UsageError(ParsedLine.Problem.EMPTY, ""));
        assertThat(parser.parse("<@U0TANDEM>")).isEqualTo(new ParsedLine.UsageError(ParsedLine.Problem.EMPTY, ""));
    }

    @Test
    void reportsAnUnknownSlashCommand() {
        assertThat(parser.parse("/giphy cats"))
                .isEqualTo(new ParsedLine.UsageError(ParsedLine.Problem.UNKNOWN_ROOT, "giphy"));
    }

    @Test
    void refusesOverlongLines() {
        assertThat(parser.parse("find " + "x".repeat(CommandParser.MAX_LENGTH)))
                .isEqualTo(new ParsedLine.UsageError(ParsedLine.Problem.TOO_LONG, ""));
    }

    @Test
    void readsPeopleInEveryForm() {
        Arguments args = new Arguments("<@U123|bob> and <at>Ana Lima</at>, also @carol.d.");
        assertThat(args.people())
                .containsExactly(
                        new PersonRef(PersonRef.Kind.USER_ID, "U123", "bob"),
                        new PersonRef(PersonRef.Kind.NAME, "Ana Lima", "Ana Lima"),
                        new PersonRef(PersonRef.Kind.HANDLE, "carol.d", "carol.d"));
        assertThat(args.withoutPeople()).isEqualTo("and , also");
    }

    @Test
    void doesNotTakeAnEmailForAHandle() {
        assertThat(new Arguments("write to ana@example.com").people()).isEmpty();
    }

    @Test
    void splitsSkillLists() {
        assertThat(new Arguments(" seo, public speaking ;negotiation,, ").list())
                .containsExactly("seo", "public speaking", "negotiation");
    }
}
