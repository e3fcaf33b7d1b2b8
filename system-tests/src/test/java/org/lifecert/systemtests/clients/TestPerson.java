package org.lifecert.systemtests.clients;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A recipient made up for one test: a valid resident ID number (GB 11643, region 110101, random
 * birth date and sequence, check digit computed), a Chinese name, a mainland mobile number.
 */
public record TestPerson(String idNumber, String surname, String givenName, String sex, LocalDate birthDate,
        String phone, String email) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"秀英", "桂兰", "建国", "志强", "玉兰", "国华", "淑珍", "德明", "凤英", "永福"};

    public static TestPerson random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1940 + r.nextInt(25), 1 + r.nextInt(12), 1 + r.nextInt(28));
        int sequence = 1 + r.nextInt(998);
        String body = "110101" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        String id = body + CHECK.charAt(sum % 11);
        String sex = sequence % 2 == 1 ? "男" : "女";
        String phone = "13" + String.format("%09d", r.nextInt(1_000_000_000));
        return new TestPerson(id, SURNAMES[r.nextInt(SURNAMES.length)], GIVEN[r.nextInt(GIVEN.length)], sex, birth, phone,
                "p" + Math.abs(r.nextLong() % 1_000_000) + "@example.test");
    }

    /** The enrolment form of enrollment-service (PersonForm). */
    public Map<String, Object> form() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("idNumber", idNumber);
        f.put("surname", surname);
        f.put("givenName", givenName);
        f.put("sex", sex);
        f.put("birthDate", birthDate.toString());
        f.put("benefitType", "RETIREMENT");
        f.put("pensionPlace", "抚顺市");
        f.put("phone", phone);
        f.put("email", email);
        return f;
    }
}
