package org.lifecert.appeal.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * The two calendar file formats. A bureau's upload is {@code date,name,kind} per line (kind
 * {@code holiday} or {@code workday}, an optional header line, UTF-8 with or without BOM), all dates
 * in one year; every wrong line is reported with its number. The national data file is
 * {@code date,HOLIDAY|WORKDAY,name} with '#' comments.
 */
public final class HolidayCsv {

    public static final int MAX_ROWS = 366;

    private HolidayCsv() {
    }

    /** A bureau's upload for {@code year}, or 400 listing each wrong line (第N行：…). */
    public static List<CalendarDay> parseUpload(String text, int year) {
        List<CalendarDay> days = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        String body = text == null ? "" : text.replace("\uFEFF", "");
        String[] lines = body.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || (i == 0 && (line.toLowerCase(Locale.ROOT).startsWith("date") || line.startsWith("日期")))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                errors.add(row(number, "应有三列：日期,名称,类型（holiday 或 workday）"));
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(cells[0].strip());
            } catch (DateTimeParseException e) {
                errors.add(row(number, "日期格式应为 yyyy-MM-dd，如 " + year + "-10-01"));
                continue;
            }
            String name = cells[1].strip();
            String kind = cells[2].strip().toLowerCase(Locale.ROOT);
            if (day.getYear() != year) {
                errors.add(row(number, "日期不在" + year + "年内"));
            } else if (name.isEmpty() || name.length() > 50) {
                errors.add(row(number, "请填写名称（不超过50个字）"));
            } else if (!kind.equals("holiday") && !kind.equals("workday")) {
                errors.add(row(number, "类型应为 holiday（放假）或 workday（调休上班）"));
            } else if (kind.equals("workday") && !weekend(day)) {
                errors.add(row(number, "调休上班日应为周六或周日"));
            } else if (!seen.add(day)) {
                errors.add(row(number, "日期重复"));
            } else {
                days.add(new CalendarDay(day, kind.equals("holiday") ? CalendarDay.Kind.HOLIDAY : CalendarDay.Kind.WORKDAY, name));
            }
        }
        if (errors.isEmpty() && days.isEmpty()) {
            errors.add(new FieldError("file", "文件中没有日期"));
        }
        if (days.size() > MAX_ROWS) {
            errors.add(new FieldError("file", "一年最多" + MAX_ROWS + "行"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return days;
    }

    /** The national data file (lines {@code yyyy-MM-dd,HOLIDAY|WORKDAY,name}). */
    public static List<CalendarDay> readNational(InputStream in) {
        List<CalendarDay> days = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",");
                days.add(new CalendarDay(LocalDate.parse(parts[0].strip()), CalendarDay.Kind.valueOf(parts[1].strip()),
                        parts.length > 2 ? parts[2].strip() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static FieldError row(int number, String message) {
        return new FieldError("row " + number, "第" + number + "行：" + message);
    }
}
