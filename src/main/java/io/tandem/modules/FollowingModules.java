package io.tandem.modules;

import io.tandem.engine.Block;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairExtras;
import io.tandem.sessions.SessionPlans;
import io.tandem.skills.SkillCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A pair following its modules: introduced when it forms, its next step proposed as a session's topic, a step marked
 * done from a check-in, its progress shown with the pair ("step 2 of 5").
 */
@Component
class FollowingModules implements PairExtras, SessionPlans {

    private final Modules modules;
    private final ModuleStore store;
    private final SkillCatalog catalog;

    FollowingModules(Modules modules, ModuleStore store, SkillCatalog catalog) {
        this.modules = modules;
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public List<String> introduction(Pair pair, Messages m) {
        return modules.plans(pair, m.language()).stream()
                .map(p -> m.get(
                        p.back() ? "modules.intro.back" : "modules.intro",
                        p.module().title(),
                        p.module().size(),
                        p.next().topic(),
                        catalog.name(p.module().skill(), m.language())))
                .toList();
    }

    @Override
    public List<Block.Field> fields(Pair pair, Messages m) {
        return modules.plans(pair, m.language()).stream()
                .map(p -> new Block.Field(m.get("modules.field", p.module().title()), progress(p, m)))
                .toList();
    }

    /** "step 2 of 5", or "complete". */
    static String progress(Modules.Plan p, Messages m) {
        return p.complete()
                ? m.get("modules.progress.complete", p.module().size())
                : m.get("modules.progress", p.number(), p.module().size());
    }

    @Override
    public Optional<String> nextTopic(Pair pair, Language language) {
        return modules.plans(pair, language).stream()
                .filter(p -> !p.complete())
                .findFirst()
                .map(p -> p.next().topic());
    }

    @Override
    public List<Block.Choice> steps(Pair pair, Messages m) {
        List<Block.Choice> choices = new ArrayList<>();
        for (Modules.Plan p : modules.plans(pair, m.language())) {
            if (!p.complete()) {
                choices.add(new Block.Choice(
                        p.module().skill() + ":" + p.number(),
                        m.get(
                                "modules.checkin.step",
                                p.number(),
                                p.module().size(),
                                p.next().topic())));
            }
        }
        return choices;
    }

    @Override
    public Optional<String> done(Pair pair, String choice, Messages m) {
        int colon = choice.lastIndexOf(':');
        if (colon < 1 || !choice.substring(colon + 1).matches("[1-8]")) {
            return Optional.empty();
        }
        String skill = choice.substring(0, colon);
        int step = Integer.parseInt(choice.substring(colon + 1));
        Optional<Modules.Plan> plan = modules.plans(pair, m.language()).stream()
                .filter(p ->
                        p.module().skill().equals(skill) && step <= p.module().size())
                .findFirst();
        if (plan.isEmpty() || !store.markDone(pair.mentor().workspace(), pair.id(), skill, step)) {
            return Optional.empty();
        }
        int size = plan.get().module().size();
        return Optional.of(
                step >= size
                        ? m.get("modules.checkin.complete", plan.get().module().title())
                        : m.get(
                                "modules.checkin.done",
                                step,
                                size,
                                plan.get().module().title()));
    }
}
