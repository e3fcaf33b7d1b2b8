package org.lifecert.enrollment.roster;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes ("") and
 * line breaks; CRLF or LF. Holds one record in memory at a time.
 */
public final class CsvRecords {

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int len;
    private boolean eof;
    private long line = 1;

    public CsvRecords(Reader in) {
        this.in = in;
    }

    /** Line number (1-based) where the next record starts. */
    public long line() {
        return line;
    }

    /** The next record, or null at the end. A blank line is an empty list. */
    public List<String> next() throws IOException {
        if (!fill()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (fill()) {
            char c = buffer[pos++];
            if (quoted) {
                if (c == '"') {
                    if (fill() && buffer[pos] == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r') {
                // part of CRLF; a lone CR is dropped too
            } else if (c == '\n') {
                line++;
                fields.add(field.toString());
                return fields.size() == 1 && fields.get(0).isEmpty() && !wasQuoted ? List.of() : fields;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        if (eof) {
            return false;
        }
        len = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (len <= 0) {
            eof = true;
            len = 0;
            return false;
        }
        return true;
    }
}
