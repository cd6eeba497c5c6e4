package io.tandem.engine;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: takes a {@link ChatEvent} from any adapter and answers with a {@link Reply}. Never throws: bad input
 * gets a friendly message, a store outage gets "temporarily unavailable", and a bug gets an apology (and a log
 * line for the operator) rather than a stack trace.
 */
public final class ConversationEngine {

    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);
    private static final List<String> SHORT_HELP = List.of("find", "teach", "learn", "profile", "help");

    private final CommandParser parser = new CommandParser();
    private final CommandRegistry registry;
    private final Participants participants;
    private final List<HomeSection> home;

    private final EngineMetrics metrics;

    public ConversationEngine(CommandRegistry registry, Participants participants, List<HomeSection> home) {
        this(registry, participants, home, EngineMetrics.NONE);
    }

    public ConversationEngine(
            CommandRegistry registry, Participants participants, List<HomeSection> home, EngineMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.participants = participants;
        this.home = home.stream()
                .sorted(Comparator.comparingInt(HomeSection::order))
                .toList();
    }

    public CommandRegistry registry() {
        return registry;
    }

    public Reply handle(ChatEvent event) {
        long started = System.nanoTime();
        String[] command = {"unknown"};
        String outcome = "ok";
        Messages messages = Messages.of(event.language());
        try {
            Caller caller = participants.identify(event);
            messages = Messages.of(caller.language());
            return event.isAction()
                    ? act(event, caller, messages, command)
                    : converse(event, caller, messages, command);
        } catch (Refusal refusal) {
            outcome = "refused";
            return Reply.text(messages.get(refusal.key(), refusal.args()));
        } catch (StoreUnavailableException e) {
            outcome = "unavailable";
            log.warn(
                    "Store unavailable while handling {} event: {}",
                    event.platform().id(),
                    e.getMessage());
            return Reply.text(messages.get("error.unavailable"));
        } catch (RuntimeException e) {
            outcome = "error";
            log.error(
                    "Unexpected error while handling a {} event",
                    event.platform().id(),
                    e);
            return Reply.text(messages.get("error.unexpected"));
        } finally {
            metrics.handled(event.platform(), command[0], outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The member's home: every feature's section, for the platform's personal overview (Slack's App Home). The
     * event carries who opened it (its text is ignored). Never throws, like {@link #handle}.
     */
    public Reply home(ChatEvent event) {
        Messages messages = Messages.of(event.language());
        try {
            Caller caller = participants.identify(event);
            messages = Messages.of(caller.language());
            Invocation in = new Invocation(event, caller, messages, new Arguments(""));
            Reply.Builder reply = Reply.builder();
            home.forEach(section -> section.blocks(in).forEach(reply::block));
            return reply.build();
        } catch (StoreUnavailableException e) {
            log.warn("Store unavailable while building a home: {}", e.getMessage());
            return Reply.text(messages.get("error.unavailable"));
        } catch (RuntimeException e) {
            log.error("Unexpected error while building a home", e);
            return Reply.text(messages.get("error.unexpected"));
        }
    }

    private Reply converse(ChatEvent event, Caller caller, Messages messages, String[] label) {
        ParsedLine parsed = parser.parse(event.text());
        if (parsed instanceof ParsedLine.UsageError error) {
            return switch (error.problem()) {
                case EMPTY -> shortHelp(messages, messages.get("error.empty"));
                case TOO_LONG -> Reply.text(messages.get("error.too-long", CommandParser.MAX_LENGTH));
                case UNKNOWN_ROOT -> shortHelp(messages, messages.get("error.unknown-root", "/" + error.detail()));
            };
        }
        ParsedLine.CommandLine line = (ParsedLine.CommandLine) parsed;
        Optional<Command> command = registry.command(line.root(), line.word());
        if (command.isPresent()) {
            label[0] = command.get().spec().id();
            return run(command.get(), event, caller, messages, line.args());
        }
        // under a root other than /mentor, a word that is no subcommand is an argument of the root alone
        // (/stats month seo)
        Optional<Command> rootAlone =
                line.root().equals(CommandParser.MENTOR) ? Optional.empty() : registry.command(line.root(), "");
        if (rootAlone.isPresent() && !line.word().isEmpty()) {
            label[0] = rootAlone.get().spec().id();
            return run(rootAlone.get(), event, caller, messages, (line.word() + " " + line.args()).strip());
        }
        if (line.root().equals(CommandParser.STATS) && !registry.hasRoot(CommandParser.STATS)) {
            return Reply.text(messages.get("error.no-stats"));
        }
        if (line.word().isEmpty()) {
            return run(registry.byId(HelpCommand.ID).orElseThrow(), event, caller, messages, "");
        }
        String typed = line.word().length() > 40 ? line.word().substring(0, 40) + "…" : line.word();
        String intro = registry.closest(line.root(), line.word())
                .map(spec -> messages.get("error.unknown-command.suggest", typed, messages.get(spec.usageKey())))
                .orElseGet(() -> messages.get("error.unknown-command", typed));
        return shortHelp(messages, intro);
    }

    private Reply act(ChatEvent event, Caller caller, Messages messages, String[] label) {
        Action action = event.action();
        Optional<ActionHandler> handler = registry.action(action.id());
        if (handler.isEmpty()) {
            return Reply.text(messages.get("error.unknown-action"));
        }
        label[0] = action.id();
        if (!TextLimit.VALUE.fits(action.value())) {
            throw new Refusal("error.too-long", TextLimit.VALUE.max());
        }
        if (action.fields().values().stream().anyMatch(v -> !TextLimit.FIELD.fits(v))) {
            throw new Refusal("error.too-long", TextLimit.FIELD.max());
        }
        Invocation in = new Invocation(event, caller, messages, new Arguments(""));
        return handler.get().handle(in);
    }

    private static Reply run(Command command, ChatEvent event, Caller caller, Messages messages, String args) {
        return command.run(new Invocation(event, caller, messages, new Arguments(args)));
    }

    private Reply shortHelp(Messages messages, String intro) {
        List<String> lines = SHORT_HELP.stream()
                .map(id -> registry.byId(id))
                .flatMap(Optional::stream)
                .map(c -> messages.get(c.spec().usageKey()) + " — "
                        + messages.get(c.spec().summaryKey()))
                .toList();
        return Reply.builder()
                .text(intro)
                .items(messages.get("help.short-heading"), lines)
                .build();
    }
}
