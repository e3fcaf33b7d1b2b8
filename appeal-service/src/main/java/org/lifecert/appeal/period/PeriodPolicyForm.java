package org.lifecert.appeal.period;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * A period policy as the bureau admin enters it on the settings page, and the rules it must meet
 * before it is stored: a fixed yearly window (start/end as MM-dd, may run into the next year) or a
 * rolling period (due N months after the last certification, open some days before).
 */
public record PeriodPolicyForm(String kind, String windowStart, String windowEnd, Integer rollingMonths,
        Integer rollingOpenDays) {

    public static final int MAX_MONTHS = 120;
    public static final int MAX_OPEN_DAYS = 365;
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** The policy, or 400 with every wrong field and a message in Chinese. */
    public PeriodPolicy toPolicy() {
        List<FieldError> errors = new ArrayList<>();
        if ("FIXED_YEARLY".equals(kind)) {
            MonthDay start = monthDay("windowStart", windowStart, errors);
            MonthDay end = monthDay("windowEnd", windowEnd, errors);
            if (start != null && end != null && start.equals(end)) {
                errors.add(new FieldError("windowEnd", "截止日期不能与开始日期相同"));
            }
            if (errors.isEmpty()) {
                return new PeriodPolicy.FixedYearly(start, end);
            }
        } else if ("ROLLING".equals(kind)) {
            if (rollingMonths == null || rollingMonths < 1 || rollingMonths > MAX_MONTHS) {
                errors.add(new FieldError("rollingMonths", "到期月数应为1到" + MAX_MONTHS + "之间的整数"));
            }
            if (rollingOpenDays == null || rollingOpenDays < 1 || rollingOpenDays > MAX_OPEN_DAYS) {
                errors.add(new FieldError("rollingOpenDays", "提前开放天数应为1到" + MAX_OPEN_DAYS + "之间的整数"));
            } else if (rollingMonths != null && rollingMonths >= 1 && rollingOpenDays >= rollingMonths * 28) {
                errors.add(new FieldError("rollingOpenDays", "提前开放天数应少于到期月数所含的天数"));
            }
            if (errors.isEmpty()) {
                return new PeriodPolicy.Rolling(rollingMonths, rollingOpenDays);
            }
        } else {
            errors.add(new FieldError("kind", "请选择认证期方式：每年固定认证期或滚动认证期"));
        }
        throw ApiException.invalid(errors);
    }

    /** The form of a stored or configured policy (what the page shows). */
    public static PeriodPolicyForm of(PeriodPolicy policy) {
        if (policy instanceof PeriodPolicy.FixedYearly f) {
            return new PeriodPolicyForm("FIXED_YEARLY", f.start().format(MONTH_DAY), f.end().format(MONTH_DAY), null, null);
        }
        PeriodPolicy.Rolling r = (PeriodPolicy.Rolling) policy;
        return new PeriodPolicyForm("ROLLING", null, null, r.months(), r.openDays());
    }

    private static MonthDay monthDay(String field, String value, List<FieldError> errors) {
        if (value == null || !value.strip().matches("\\d{2}-\\d{2}")) {
            errors.add(new FieldError(field, "日期格式应为“月-日”，如 01-01"));
            return null;
        }
        try {
            MonthDay day = MonthDay.parse(value.strip(), MONTH_DAY);
            if (day.equals(MonthDay.of(2, 29))) {
                errors.add(new FieldError(field, "不能选择2月29日（不是每年都有）"));
                return null;
            }
            return day;
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "没有这一天，请输入正确的月-日，如 12-31"));
            return null;
        }
    }
}
