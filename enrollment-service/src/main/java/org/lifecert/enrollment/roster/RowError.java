package org.lifecert.enrollment.roster;

/** A refused roster row: its row number in the file (the header is row 1), the field and the message. */
public record RowError(int row, String field, String message) {
}
