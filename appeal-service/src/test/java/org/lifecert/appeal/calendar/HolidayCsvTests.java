package org.lifecert.appeal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

class HolidayCsvTests {

    @Test
    void nationalFileHasExactlyTheDaysOfTheStateCouncilNoticeFor2026() throws Exception {
        List<CalendarDay> days;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("holidays/cn-national.csv")) {
            days = HolidayCsv.readNational(in);
        }
        // 国务院办公厅关于2026年部分节假日安排的通知: 元旦3 + 春节9 + 清明节3 + 劳动节5 + 端午节3 + 中秋节3 + 国庆节7 days off
        assertThat(days).filteredOn(d -> d.kind() == CalendarDay.Kind.HOLIDAY).hasSize(33);
        assertThat(days).filteredOn(d -> d.kind() == CalendarDay.Kind.WORKDAY).extracting(CalendarDay::day).containsExactly(
                LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9),
                LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        assertThat(days).filteredOn(d -> d.name().equals("春节")).extracting(CalendarDay::day)
                .containsExactly(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
                        LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 21),
                        LocalDate.of(2026, 2, 22), LocalDate.of(2026, 2, 23));
        // every worked day is a weekend day, every day is in 2026
        assertThat(days).allSatisfy(d -> assertThat(d.day().getYear()).isEqualTo(2026));
        assertThat(days).filteredOn(d -> d.kind() == CalendarDay.Kind.WORKDAY)
                .allSatisfy(d -> assertThat(d.day().getDayOfWeek().getValue()).isGreaterThanOrEqualTo(6));
    }

    @Test
    void uploadReadsHeaderBomAndBothKinds() {
        List<CalendarDay> days = HolidayCsv.parseUpload("\uFEFFdate,name,kind\r\n2026-10-14, 本市纪念日 ,HOLIDAY\r\n\r\n2026-10-18,调休,workday\r\n", 2026);
        assertThat(days).containsExactly(new CalendarDay(LocalDate.of(2026, 10, 14), CalendarDay.Kind.HOLIDAY, "本市纪念日"),
                new CalendarDay(LocalDate.of(2026, 10, 18), CalendarDay.Kind.WORKDAY, "调休"));
    }

    @Test
    void uploadReportsEveryWrongLineInChinese() {
        String csv = "日期,名称,类型\n2026-01-05,a\n2026-02-30,b,holiday\n2025-12-31,c,holiday\n2026-03-02,,holiday\n"
                + "2026-03-03,d,off\n2026-03-04,e,workday\n2026-03-07,f,workday\n2026-03-07,g,holiday\n";
        assertThatThrownBy(() -> HolidayCsv.parseUpload(csv, 2026)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).extracting(FieldError::message).containsExactly(
                    "第2行：应有三列：日期,名称,类型（holiday 或 workday）",
                    "第3行：日期格式应为 yyyy-MM-dd，如 2026-10-01",
                    "第4行：日期不在2026年内",
                    "第5行：请填写名称（不超过50个字）",
                    "第6行：类型应为 holiday（放假）或 workday（调休上班）",
                    "第7行：调休上班日应为周六或周日",
                    "第9行：日期重复");
        });
    }

    @Test
    void emptyUploadIsRefused() {
        assertThatThrownBy(() -> HolidayCsv.parseUpload("date,name,kind\n", 2026)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).extracting(FieldError::message).containsExactly("文件中没有日期"));
    }
}
