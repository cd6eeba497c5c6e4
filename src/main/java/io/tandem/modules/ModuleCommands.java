package io.tandem.modules;

import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.skills.SkillCatalog;
import io.tandem.skills.SkillMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /mentor module [skill]}: the module of a skill, step by step, with how far my pair got in it; with no skill,
 * the modules my pairs follow, or the skills that have one.
 */
@Configuration(proxyBeanMethods = false)
class ModuleCommands {

    @Bean
    Command moduleCommand(Modules modules, PairStore pairs, SkillCatalog catalog) {
        return Command.of(
                CommandSpec.mentor("module", "module", "modules", "plan", "parcours"),
                in -> in.args().isEmpty() ? mine(in, modules, pairs, catalog) : one(in, modules, pairs, catalog));
    }

    private static Reply one(Invocation in, Modules modules, PairStore pairs, SkillCatalog catalog) {
        Messages m = in.messages();
        String ws = in.caller().id().workspace();
        String typed = in.args().text().strip();
        Optional<Module> module = catalog.resolve(typed)
                .filter(SkillMatch.Known.class::isInstance)
                .flatMap(s -> modules.find(ws, s.id(), m.language()));
        if (module.isEmpty()) {
            throw new Refusal("modules.none-for", typed, available(in, modules, catalog));
        }
        Module mod = module.get();
        int done = pairs.pairs(in.caller().id()).stream()
                .filter(Pair::open)
                .flatMap(p -> modules.plans(p, m.language()).stream())
                .filter(p -> p.module().skill().equals(mod.skill()))
                .mapToInt(Modules.Plan::done)
                .max()
                .orElse(-1);
        return steps(mod, done, m, catalog).build();
    }

    /** The module's steps; with {@code done} ≥ 0, those done ticked and the next one pointed at. */
    static Reply.Builder steps(Module mod, int done, Messages m, SkillCatalog catalog) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < mod.size(); i++) {
            Module.Step step = mod.steps().get(i);
            String mark = done < 0 ? "" : i < done ? "✓ " : i == done ? "→ " : "";
            String line = mark + m.get("modules.step", i + 1, step.goal(), step.topic());
            if (!step.links().isEmpty()) {
                line += " " + String.join(" ", step.links());
            }
            lines.add(line);
        }
        Reply.Builder reply = Reply.builder()
                .text(m.get("modules.heading", mod.title(), catalog.name(mod.skill(), m.language()), mod.size()))
                .items(m.get("modules.steps"), lines);
        if (done >= 0) {
            reply.section(
                    null,
                    done >= mod.size()
                            ? m.get("modules.progress.complete", mod.size())
                            : m.get("modules.progress", done + 1, mod.size()));
        }
        return reply;
    }

    private static Reply mine(Invocation in, Modules modules, PairStore pairs, SkillCatalog catalog) {
        Messages m = in.messages();
        List<Modules.Plan> plans = pairs.pairs(in.caller().id()).stream()
                .filter(Pair::open)
                .flatMap(p -> modules.plans(p, m.language()).stream())
                .toList();
        if (plans.isEmpty()) {
            return Reply.text(m.get("modules.mine.none", available(in, modules, catalog)));
        }
        List<String> lines = plans.stream()
                .map(p -> m.get(
                        "modules.mine.line",
                        p.module().title(),
                        FollowingModules.progress(p, m),
                        p.complete() ? "" : p.next().topic(),
                        catalog.name(p.module().skill(), m.language())))
                .toList();
        return Reply.builder()
                .items(m.get("modules.mine.heading"), lines)
                .section(null, m.get("modules.mine.hint"))
                .build();
    }

    static String available(Invocation in, Modules modules, SkillCatalog catalog) {
        return String.join(
                ", ",
                modules.skills(in.caller().id().workspace()).stream()
                        .map(s -> catalog.name(s, in.messages().language()))
                        .sorted()
                        .toList());
    }
}
