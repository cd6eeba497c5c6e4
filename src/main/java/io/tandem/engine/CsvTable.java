package io.tandem.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file a lead gives Tandem (a roster, learning modules): a header line naming the columns in any order (case
 * ignored), then rows; cells are trimmed, blank lines skipped, and with {@code comments} lines starting with
 * {@code #} too.
 */
public final class CsvTable {

    private final Map<String, Integer> header;
    private final List<CSVRecord> rows;

    private CsvTable(Map<String, Integer> header, List<CSVRecord> rows) {
        this.header = Map.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    /** The table, or empty if the text cannot be read as CSV with a header. */
    public static Optional<CsvTable> read(String csv, boolean comments) {
        CSVFormat.Builder format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true);
        if (comments) {
            format.setCommentMarker('#');
        }
        try (CSVParser parser = format.get().parse(new StringReader(csv.strip()))) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            return Optional.of(new CsvTable(header, parser.getRecords()));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    public Set<String> columns() {
        return header.keySet();
    }

    /** The columns that are not among {@code known}, sorted. */
    public List<String> unknown(Collection<String> known) {
        return header.keySet().stream().filter(c -> !known.contains(c)).sorted().toList();
    }

    public List<CSVRecord> rows() {
        return rows;
    }

    /** A row's cell in a column, stripped; empty when the file has no such column or the row is short. */
    public String cell(CSVRecord row, String column) {
        Integer i = header.get(column);
        return i == null || i >= row.size() ? "" : row.get(i).strip();
    }
}
