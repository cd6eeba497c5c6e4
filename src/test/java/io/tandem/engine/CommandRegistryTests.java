package io.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRegistryTests {

    private static Command command(String id, String... words) {
        return Command.of(CommandSpec.mentor(id, words), in -> Reply.text(id));
    }

    private static ActionHandler action(String id) {
        return ActionHandler.of(id, in -> Reply.text(id));
    }

    @Test
    void failsOnADuplicateId() {
        assertThatThrownBy(() ->
                        new CommandRegistry(List.of(command("find", "find"), command("find", "search")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("find is already registered");
    }

    @Test
    void failsWhenTwoCommandsClaimTheSameWord() {
        assertThatThrownBy(() -> new CommandRegistry(
                        List.of(command("find", "find", "cherche"), command("search", "Cherche")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cherche");
    }

    @Test
    void failsWhenACommandTakesTheHelpWord() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(command("aid", "aide")), List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failsOnADuplicateAction() {
        assertThatThrownBy(() -> new CommandRegistry(List.of(), List.of(action("a.b"), action("a.b"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a.b");
    }

    @Test
    void findsCommandsByAnyWordIgnoringCaseAndAccents() {
        CommandRegistry registry = new CommandRegistry(List.of(command("set", "set", "régler")), List.of());
        assertThat(registry.command("mentor", "REGLER")).map(c -> c.spec().id()).contains("set");
        assertThat(registry.command("mentor", "Régler")).map(c -> c.spec().id()).contains("set");
        assertThat(registry.command("stats", "set")).isEmpty();
    }

    @Test
    void suggestsTheClosestCommand() {
        CommandRegistry registry = new CommandRegistry(
                List.of(command("find", "find", "cherche"), command("learn", "learn", "apprendre")), List.of());
        assertThat(registry.closest("mentor", "fnid")).map(CommandSpec::id).contains("find");
        assertThat(registry.closest("mentor", "chercher")).map(CommandSpec::id).contains("find");
        assertThat(registry.closest("mentor", "aprendre")).map(CommandSpec::id).contains("learn");
        assertThat(registry.closest("mentor", "zzzzzz")).isEmpty();
    }

    @Test
    void listsCommandsInHelpOrderWhateverTheRegistrationOrder() {
        CommandRegistry registry = new CommandRegistry(
                List.of(command("zz-new", "zz"), command("learn", "learn"), command("find", "find")), List.of());
        assertThat(registry.listed()).extracting(CommandSpec::id).containsExactly("find", "learn", "help", "zz-new");
    }

    @Test
    void refusesAHelpOrderThatMissesACommandOrNamesOneThatIsNotThere() {
        CommandRegistry partial =
                new CommandRegistry(List.of(command("find", "find"), command("zz-new", "zz")), List.of());
        assertThatThrownBy(() -> HelpOrder.check(partial))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in the help order: [zz-new]")
                .hasMessageContaining("in the help order but not a listed command: [request,");
    }
}
