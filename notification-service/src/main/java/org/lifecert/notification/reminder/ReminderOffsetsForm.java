package org.lifecert.notification.reminder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * Reminder offsets as a bureau admin enters them: 1 to {@value #MAX_COUNT} different whole numbers of
 * days before the period end, each 1 to {@value #MAX_DAYS}. Stored largest first.
 */
public record ReminderOffsetsForm(List<Integer> days) {

    public static final int MAX_COUNT = 10;
    public static final int MAX_DAYS = 365;

    /** The checked offsets, largest first, or 400 with a message in Chinese. */
    public List<Integer> checked() {
        if (days == null || days.isEmpty() || days.size() > MAX_COUNT) {
            throw invalid("请设置1到" + MAX_COUNT + "个提醒天数");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer d : days) {
            if (d == null || d < 1 || d > MAX_DAYS) {
                throw invalid("提醒天数应为1到" + MAX_DAYS + "之间的整数");
            }
            if (!seen.add(d)) {
                throw invalid("提醒天数不能重复：" + d);
            }
        }
        List<Integer> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.reverseOrder());
        return List.copyOf(sorted);
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid(List.of(new FieldError("days", message)));
    }
}
