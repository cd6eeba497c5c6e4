package io.tandem.modules;

import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.pairing.Pair;
import io.tandem.skills.SkillCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The modules in force in a workspace: its own (imported by its leads), else the starter set Tandem ships
 * ({@code modules/starter.csv}, checked at start-up: a bad line there stops Tandem rather than show a broken plan).
 * In the reader's language when there is one, else in the other.
 */
@Component
public class Modules {

    static final String STARTER = "/modules/starter.csv";

    private final ModuleStore store;
    private final Map<String, Module> starter;

    public Modules(ModuleStore store, SkillCatalog catalog) {
        this.store = store;
        this.starter = index(starter(catalog));
    }

    /** Whether a CSV file is a module file (its header names a goal and a topic) rather than a roster. */
    public static boolean isModuleFile(String csv) {
        return ModuleFile.isModuleFile(csv);
    }

    /**
     * A module file in parts of at most {@code max} characters, each with the header and whole modules, for one
     * {@code /mentor admin modules import} each (a file shared in Slack).
     */
    public static List<String> fileParts(String csv, int max) {
        return ModuleFile.parts(csv, max);
    }

    /** The starter set, read and checked. */
    static List<Module> starter(SkillCatalog catalog) {
        try (InputStream in = Modules.class.getResourceAsStream(STARTER)) {
            if (in == null) {
                throw new IllegalStateException(STARTER + " is missing");
            }
            ModuleFile.Read read = ModuleFile.read(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), catalog, Messages.of(Language.EN), true);
            if (!read.problems().isEmpty()) {
                throw new IllegalStateException(STARTER + ": " + String.join("; ", read.problems()));
            }
            return read.modules();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Module> index(Collection<Module> modules) {
        Map<String, Module> out = new LinkedHashMap<>();
        modules.forEach(m -> out.put(key(m.skill(), m.language()), m));
        return out;
    }

    private static String key(String skill, Language language) {
        return skill + ":" + language.code();
    }

    /** Every module in force in the workspace, by skill and language: its own, then the starter ones. */
    Map<String, Module> all(String workspace) {
        Map<String, Module> own = index(store.own(workspace));
        Set<String> ownSkills = new TreeSet<>();
        own.values().forEach(m -> ownSkills.add(m.skill()));
        Map<String, Module> out = new LinkedHashMap<>(own);
        starter.forEach((k, m) -> {
            if (!ownSkills.contains(m.skill())) {
                out.putIfAbsent(k, m);
            }
        });
        return out;
    }

    /** The skill's module in the workspace, in {@code language} if there is one, else in the other language. */
    public Optional<Module> find(String workspace, String skill, Language language) {
        return find(all(workspace), skill, language);
    }

    static Optional<Module> find(Map<String, Module> all, String skill, Language language) {
        Module mine = all.get(key(skill, language));
        if (mine != null) {
            return Optional.of(mine);
        }
        for (Language other : Language.values()) {
            Module m = all.get(key(skill, other));
            if (m != null) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The skills that have a module in the workspace, in order. */
    Set<String> skills(String workspace) {
        Set<String> out = new TreeSet<>();
        all(workspace).values().forEach(m -> out.add(m.skill()));
        return out;
    }

    /**
     * The modules a pair follows: one for what the mentor teaches, one back the other way (the first skill of each
     * direction that has a module), with the steps done.
     */
    public List<Plan> plans(Pair pair, Language language) {
        return plans(
                all(pair.mentor().workspace()), store.progress(pair.mentor().workspace(), pair.id()), pair, language);
    }

    private static List<Plan> plans(Map<String, Module> all, Map<String, Integer> done, Pair pair, Language language) {
        List<Plan> plans = new ArrayList<>();
        for (boolean back : List.of(false, true)) {
            (back ? pair.reverse() : pair.skills())
                    .stream()
                            .sorted()
                            .map(s -> find(all, s, language))
                            .flatMap(Optional::stream)
                            .findFirst()
                            .ifPresent(m -> plans.add(new Plan(m, done.getOrDefault(m.skill(), 0), back)));
        }
        return plans;
    }

    /**
     * How far the pairs got in their modules, read in two calls to the store whatever their number: for the leads'
     * figures ({@code /stats}, a programme's status).
     */
    public Completion completion(String workspace, Collection<Pair> pairs) {
        Map<String, Module> all = all(workspace);
        Map<String, Map<String, Integer>> done = store.progress(workspace);
        long plans = 0;
        long started = 0;
        long completed = 0;
        long steps = 0;
        for (Pair pair : pairs) {
            for (Plan plan : plans(all, done.getOrDefault(pair.id(), Map.of()), pair, Language.EN)) {
                plans++;
                steps += Math.min(plan.done(), plan.module().size());
                if (plan.done() > 0) {
                    started++;
                }
                if (plan.complete()) {
                    completed++;
                }
            }
        }
        return new Completion(plans, started, completed, steps);
    }

    /**
     * Modules followed by pairs: {@code plans} a pair follows (one each way at most), those with a step done, those
     * complete, and the steps done in all.
     */
    public record Completion(long plans, long started, long completed, long steps) {}

    /** A module a pair follows and how far it got; {@code back}: the mentee teaches it to the mentor. */
    public record Plan(Module module, int done, boolean back) {

        public boolean complete() {
            return done >= module.size();
        }

        /** The next step's number, 1-based (past the last when complete). */
        public int number() {
            return Math.min(done + 1, module.size());
        }

        public Module.Step next() {
            return module.next(done);
        }
    }
}
