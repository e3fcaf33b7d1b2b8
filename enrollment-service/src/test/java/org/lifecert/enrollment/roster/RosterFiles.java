package org.lifecert.enrollment.roster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.lifecert.enrollment.person.ResidentIdNumber;

/** Generated rosters: n valid rows with unique ID numbers under one random address code. */
public final class RosterFiles {

    public static final String HEADER = "中文姓,中文名,中国身份证号,性别,出生日期,待遇类型,养老金发放地,手机号码,电子邮箱,国籍,护照号码,使领馆";

    private final String address = String.valueOf(310000 + ThreadLocalRandom.current().nextInt(350000));

    /** The i-th valid row (0-based): men born between 1940 and 1964. */
    public String row(int i) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i % 9000);
        String id = ResidentIdNumber.of(address, birth, i / 9000 * 2 + 1);
        String given = "明" + (char) (0x4E00 + i % 2000);
        return String.join(",", "王", given, id, "男", birth.toString(), i % 3 == 0 ? "工伤" : "养老退休", "抚顺市",
                "138" + String.format("%08d", i), "", "", "", "");
    }

    public String idNumber(int i) {
        return row(i).split(",")[2];
    }

    /** Writes the header, {@code valid} rows and then the extra lines, in {@code charset}. */
    public Path write(int valid, Charset charset, String... extra) throws IOException {
        Path file = Files.createTempFile("roster-test-", ".csv");
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 16)) {
            w.write(HEADER);
            w.write("\r\n");
            for (int i = 0; i < valid; i++) {
                w.write(row(i));
                w.write("\r\n");
            }
            for (String line : extra) {
                w.write(line);
                w.write("\r\n");
            }
        }
        return file;
    }
}
