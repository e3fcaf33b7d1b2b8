package org.lifecert.enrollment.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.person.PersonForm;

class CsvRecordsTests {

    static List<List<String>> all(String text) throws Exception {
        CsvRecords csv = new CsvRecords(new StringReader(text));
        List<List<String>> out = new ArrayList<>();
        List<String> r;
        while ((r = csv.next()) != null) {
            out.add(r);
        }
        return out;
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws Exception {
        assertThat(all("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n")).containsExactly(
                List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "x"));
    }

    @Test
    void lastLineWithoutBreakAndBlankLinesAreRead() throws Exception {
        assertThat(all("a,b\n\nc,d")).containsExactly(List.of("a", "b"), List.of(), List.of("c", "d"));
    }

    @Test
    void headerInChineseOrFieldNamesInAnyOrderMapsToTheForm() {
        List<String> missing = new ArrayList<>();
        RosterColumns c = RosterColumns.of(List.of("\uFEFF手机号码", "中文名", "中文姓", "idNumber", "性别", "出生日期",
                "待遇类型", "养老金发放地", "使领馆"), missing);
        assertThat(missing).isEmpty();
        PersonForm f = c.form(List.of("13800000000", "三", "张", "110105194912310029", "女", "1949-12-31", "供养", "抚顺", "驻英国使馆"));
        assertThat(f.surname()).isEqualTo("张");
        assertThat(f.phone()).isEqualTo("13800000000");
        assertThat(f.abroad().consulate()).isEqualTo("驻英国使馆");
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        List<String> missing = new ArrayList<>();
        assertThat(RosterColumns.of(List.of("中文姓", "中文名"), missing)).isNull();
        assertThat(missing).contains("idNumber", "phone");
    }
}
