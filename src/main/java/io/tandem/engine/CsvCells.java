package io.tandem.engine;

/**
 * Cells of every CSV Tandem writes. A spreadsheet runs a cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return as a formula; what members typed (a skill, a tag) can reach an export, so
 * such a cell is prefixed with a single quote (OWASP's advice against CSV injection) and shows as typed.
 */
public final class CsvCells {

    private CsvCells() {}

    /** The value as a cell that no spreadsheet runs; {@code null} stays {@code null} (an empty cell). */
    public static Object safe(Object value) {
        if (!(value instanceof CharSequence text) || text.isEmpty()) {
            return value;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> value;
        };
    }

    /** Every value of a row, made safe. */
    public static Object[] row(Object... row) {
        Object[] out = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = safe(row[i]);
        }
        return out;
    }
}
