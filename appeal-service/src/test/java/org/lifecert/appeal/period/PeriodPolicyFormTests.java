package org.lifecert.appeal.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

class PeriodPolicyFormTests {

    @Test
    void fixedWindowMayRunIntoTheNextYear() {
        PeriodPolicy p = new PeriodPolicyForm("FIXED_YEARLY", "07-01", "06-30", null, null).toPolicy();
        assertThat(p).isEqualTo(new PeriodPolicy.FixedYearly(MonthDay.of(7, 1), MonthDay.of(6, 30)));
        assertThat(PeriodPolicyForm.of(p)).isEqualTo(new PeriodPolicyForm("FIXED_YEARLY", "07-01", "06-30", null, null));
    }

    @Test
    void rollingNeedsMonthsAndFewerOpenDaysThanThoseMonths() {
        assertThat(new PeriodPolicyForm("ROLLING", null, null, 12, 60).toPolicy()).isEqualTo(new PeriodPolicy.Rolling(12, 60));
        assertThatThrownBy(() -> new PeriodPolicyForm("ROLLING", null, null, 2, 56).toPolicy())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldError::message)
                        .containsExactly("提前开放天数应少于到期月数所含的天数"));
        assertThatThrownBy(() -> new PeriodPolicyForm("ROLLING", null, null, null, null).toPolicy())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("rollingMonths", "rollingOpenDays"));
    }

    @Test
    void wrongDatesAreNamedPerField() {
        assertThatThrownBy(() -> new PeriodPolicyForm("FIXED_YEARLY", "1-1", "02-29", null, null).toPolicy())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldError::message)
                        .containsExactly("日期格式应为“月-日”，如 01-01", "不能选择2月29日（不是每年都有）"));
        assertThatThrownBy(() -> new PeriodPolicyForm(null, null, null, null, null).toPolicy())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("kind"));
    }
}
