package io.tandem.modules;

import io.tandem.engine.Invocation;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import io.tandem.programme.AdminSubcommand;
import io.tandem.skills.SkillCatalog;
import io.tandem.skills.SkillMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * {@code /mentor admin modules [import <csv> | file <skill> | remove <skill>]}, for leads: the modules in force,
 * importing the workspace's own (each bad line reported, the rest kept), one module as a file to edit and import
 * again, and going back to the starter module of a skill.
 */
@Component
class AdminModules implements AdminSubcommand {

    private final Modules modules;
    private final ModuleStore store;
    private final SkillCatalog catalog;

    AdminModules(Modules modules, ModuleStore store, SkillCatalog catalog) {
        this.modules = modules;
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public List<String> words() {
        return List.of("modules", "module");
    }

    @Override
    public Reply run(Invocation in, String rest) {
        String[] typed = rest.strip().split("\\s+", 2);
        String verb = Text.fold(typed[0]);
        String after = typed.length > 1 ? typed[1].strip() : "";
        return switch (verb) {
            case "" -> list(in);
            case "import", "importer" -> importFile(in, after);
            case "file", "csv", "fichier", "export", "exporter" -> file(in, skill(after));
            case "remove", "reset", "retirer", "supprimer" -> remove(in, skill(after));
            default -> throw new Refusal("modules.admin.usage");
        };
    }

    private String skill(String typed) {
        return catalog.resolve(typed)
                .filter(SkillMatch.Known.class::isInstance)
                .map(SkillMatch::id)
                .orElseThrow(() -> new Refusal("modules.admin.usage"));
    }

    private Reply list(Invocation in) {
        Messages m = in.messages();
        Map<String, List<Module>> bySkill = new TreeMap<>();
        modules.all(in.caller().id().workspace())
                .values()
                .forEach(mod -> bySkill.computeIfAbsent(mod.skill(), k -> new ArrayList<>())
                        .add(mod));
        List<String> lines = new ArrayList<>();
        bySkill.forEach((skill, mods) -> {
            Module shown = Modules.find(index(mods), skill, m.language()).orElse(mods.get(0));
            lines.add(m.get(
                    "modules.admin.line",
                    catalog.name(skill, m.language()),
                    shown.title(),
                    shown.size(),
                    String.join(
                            "/",
                            mods.stream().map(x -> x.language().code()).sorted().toList()),
                    m.get(shown.starter() ? "modules.admin.starter" : "modules.admin.own")));
        });
        return Reply.builder()
                .items(m.get("modules.admin.heading"), lines)
                .section(null, m.get("modules.admin.hint"))
                .build();
    }

    private static Map<String, Module> index(List<Module> mods) {
        Map<String, Module> out = new TreeMap<>();
        mods.forEach(x -> out.put(x.skill() + ":" + x.language().code(), x));
        return out;
    }

    private Reply importFile(Invocation in, String csv) {
        if (csv.isBlank()) {
            throw new Refusal("modules.import.usage");
        }
        Messages m = in.messages();
        ModuleFile.Read read = ModuleFile.read(csv, catalog, m, false);
        store.save(in.caller().id().workspace(), read.modules());
        List<String> names = read.modules().stream()
                .map(x -> m.get("modules.import.module", x.title(), x.language().code(), x.size()))
                .toList();
        Reply.Builder reply = Reply.builder()
                .text(m.get(
                        "modules.import.report",
                        read.modules().size(),
                        read.problems().size()));
        if (!names.isEmpty()) {
            reply.items(m.get("modules.import.saved"), names);
        }
        if (!read.problems().isEmpty()) {
            reply.items(
                    m.get("modules.import.rejected"),
                    read.problems().stream().limit(50).toList());
        }
        return reply.build();
    }

    private Reply file(Invocation in, String skill) {
        String ws = in.caller().id().workspace();
        List<Module> both = new ArrayList<>();
        for (Language language : Language.values()) {
            modules.find(ws, skill, language)
                    .filter(x -> x.language() == language)
                    .ifPresent(both::add);
        }
        if (both.isEmpty()) {
            throw new Refusal(
                    "modules.none-for", catalog.name(skill, in.messages().language()), "");
        }
        return Reply.builder()
                .text(in.t(
                        "modules.admin.file", catalog.name(skill, in.messages().language())))
                .section(null, ModuleFile.csv(both))
                .build();
    }

    private Reply remove(Invocation in, String skill) {
        String name = catalog.name(skill, in.messages().language());
        return Reply.text(in.t(
                store.remove(in.caller().id().workspace(), skill) ? "modules.admin.removed" : "modules.admin.not-own",
                name));
    }
}
