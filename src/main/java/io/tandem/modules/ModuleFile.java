package io.tandem.modules;

import io.tandem.engine.CsvCells;
import io.tandem.engine.CsvTable;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.engine.Refusal;
import io.tandem.engine.TextLimit;
import io.tandem.skills.SkillCatalog;
import io.tandem.skills.SkillMatch;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The module file, one step per CSV line under a header naming the columns (in any order): {@code skill} (an id or
 * a name of the taxonomy), {@code language} ({@code en} or {@code fr}), {@code step} (1 to 8: the order),
 * {@code title} (the module's, on at least one of its lines), {@code goal}, {@code topic} and {@code links}
 * (optional, up to 3 web addresses separated by spaces). The lines of one skill and language make one module of 3
 * to 8 steps. A bad line is reported with why and left out; a module left with too few steps is reported and left
 * out; everything else is kept.
 */
final class ModuleFile {

    static final List<String> COLUMNS = List.of("skill", "language", "step", "title", "goal", "topic", "links");
    static final int MAX_ROWS = 500;
    static final int MAX_LINKS = 3;
    private static final int LINK_LENGTH = 300;

    /** What a file gave: the modules read whole, and each problem as a line of text for the lead. */
    record Read(List<Module> modules, List<String> problems) {}

    private record Row(long line, String skill, Language language, int step, String title, Module.Step content) {}

    private ModuleFile() {}

    static Read read(String csv, SkillCatalog catalog, Messages m, boolean starter) {
        CsvTable table = CsvTable.read(csv, true).orElseThrow(() -> new Refusal("modules.unreadable"));
        List<CSVRecord> records = table.rows();
        List<String> missing = COLUMNS.stream()
                .filter(c -> !c.equals("links")
                        && !c.equals("title")
                        && !table.columns().contains(c))
                .toList();
        if (!missing.isEmpty()) {
            throw new Refusal("modules.missing-columns", String.join(", ", missing));
        }
        List<String> unknown = table.unknown(COLUMNS);
        if (!unknown.isEmpty()) {
            throw new Refusal("modules.unknown-columns", String.join(", ", unknown));
        }
        if (records.size() > MAX_ROWS) {
            throw new Refusal("modules.too-many", MAX_ROWS);
        }
        List<String> problems = new ArrayList<>();
        Map<String, TreeMap<Integer, Row>> byModule = new LinkedHashMap<>();
        for (CSVRecord record : records) {
            long line = record.getRecordNumber() + 1;
            try {
                Row row = row(record, table, line, catalog);
                TreeMap<Integer, Row> steps = byModule.computeIfAbsent(
                        row.skill() + ":" + row.language().code(), k -> new TreeMap<>());
                if (steps.putIfAbsent(row.step(), row) != null) {
                    throw new Refusal("modules.row.duplicate", row.step());
                }
            } catch (Refusal refusal) {
                problems.add(m.get("modules.rejected.line", line, m.get(refusal.key(), refusal.args())));
            }
        }
        List<Module> modules = new ArrayList<>();
        for (TreeMap<Integer, Row> steps : byModule.values()) {
            Row first = steps.firstEntry().getValue();
            String name = catalog.name(first.skill(), m.language()) + " ("
                    + first.language().code() + ")";
            String title = steps.values().stream()
                    .map(Row::title)
                    .filter(t -> !t.isEmpty())
                    .findFirst()
                    .orElse("");
            if (title.isEmpty()) {
                problems.add(m.get("modules.rejected.module", name, m.get("modules.module.no-title", first.line())));
            } else if (steps.size() < Module.FEWEST_STEPS || steps.size() > Module.MOST_STEPS) {
                problems.add(m.get(
                        "modules.rejected.module",
                        name,
                        m.get("modules.module.steps", steps.size(), Module.FEWEST_STEPS, Module.MOST_STEPS)));
            } else {
                modules.add(new Module(
                        first.skill(),
                        first.language(),
                        title,
                        steps.values().stream().map(Row::content).toList(),
                        starter));
            }
        }
        return new Read(modules, problems);
    }

    private static Row row(CSVRecord record, CsvTable table, long line, SkillCatalog catalog) {
        String typed = table.cell(record, "skill");
        SkillMatch skill = catalog.resolve(typed)
                .filter(SkillMatch.Known.class::isInstance)
                .orElseThrow(() -> new Refusal("modules.row.skill", typed));
        String lang = table.cell(record, "language");
        Language language = Language.parse(lang).orElseThrow(() -> new Refusal("modules.row.language", lang));
        String number = table.cell(record, "step");
        if (!number.matches("[1-8]")) {
            throw new Refusal("modules.row.step", number, Module.MOST_STEPS);
        }
        String goal = TextLimit.REASON.check(table.cell(record, "goal"));
        String topic = TextLimit.TOPIC.check(table.cell(record, "topic"));
        String title = TextLimit.TOPIC.check(table.cell(record, "title"));
        if (goal.isEmpty()) {
            throw new Refusal("modules.row.goal");
        }
        if (topic.isEmpty()) {
            throw new Refusal("modules.row.topic");
        }
        List<String> links = new ArrayList<>();
        for (String link : table.cell(record, "links").split("[\\s;]+")) {
            if (link.isEmpty()) {
                continue;
            }
            if (link.length() > LINK_LENGTH || !link.matches("https?://[^\\s<>|\"]+\\.[^\\s<>|\"]+")) {
                throw new Refusal("modules.row.link", link.length() > 60 ? link.substring(0, 60) + "…" : link);
            }
            links.add(link);
        }
        if (links.size() > MAX_LINKS) {
            throw new Refusal("modules.row.links", MAX_LINKS);
        }
        return new Row(
                line, skill.id(), language, Integer.parseInt(number), title, new Module.Step(goal, topic, links));
    }

    /** Whether a CSV's header names a module file's columns (a goal and a topic), rather than a roster's. */
    static boolean isModuleFile(String csv) {
        return csv.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .findFirst()
                .map(h -> List.of(h.toLowerCase(Locale.ROOT).split("\\s*,\\s*")))
                .filter(h -> h.contains("goal") && h.contains("topic"))
                .isPresent();
    }

    /**
     * The file in parts of at most {@code max} characters where it can, each starting with the header line and
     * holding whole modules (the lines of one skill and language together): each part fits one import command. A
     * file that cannot be read is one part, for the import to say why.
     */
    static List<String> parts(String csv, int max) {
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setCommentMarker('#')
                .get()
                .parse(new StringReader(csv.strip()))) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return List.of(csv);
        }
        int skill = index(header, "skill");
        int language = index(header, "language");
        Map<String, List<CSVRecord>> modules = new LinkedHashMap<>();
        for (CSVRecord r : records) {
            String key = (skill < r.size() && skill >= 0 ? r.get(skill).strip().toLowerCase(Locale.ROOT) : "") + "|"
                    + (language < r.size() && language >= 0
                            ? r.get(language).strip().toLowerCase(Locale.ROOT)
                            : "");
            modules.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        String head = print(List.of(header));
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder(head);
        boolean empty = true;
        for (List<CSVRecord> module : modules.values()) {
            String lines = print(module.stream().map(CSVRecord::toList).toList());
            if (!empty && part.length() + lines.length() > max) {
                parts.add(part.toString());
                part = new StringBuilder(head);
            }
            part.append(lines);
            empty = false;
        }
        if (!empty) {
            parts.add(part.toString());
        }
        return parts;
    }

    private static int index(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    private static String print(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer =
                CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(out)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Modules as a file in the same format, to copy, edit and import again. */
    static String csv(List<Module> modules) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n')
                .get()
                .print(out)) {
            for (Module module : modules) {
                for (int i = 0; i < module.size(); i++) {
                    Module.Step step = module.steps().get(i);
                    // a lead may open it in a spreadsheet: no cell may run as a formula
                    printer.printRecord(CsvCells.row(
                            module.skill(),
                            module.language().code(),
                            i + 1,
                            i == 0 ? module.title() : "",
                            step.goal(),
                            step.topic(),
                            String.join(" ", step.links())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
