package org.lifecert.enrollment;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifecert.enrollment.person.PersonForm;
import org.lifecert.enrollment.person.ResidentIdNumber;

/** Builds valid person forms with fresh ID numbers; tests change one thing at a time. */
public final class PersonForms {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(400));

    private PersonForms() {
    }

    /** A fresh valid ID number of a man born on a random day between 1940 and 1965. */
    public static String idNumber(boolean male) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 25));
        int seq = SEQUENCE.incrementAndGet() % 500 * 2 + (male ? 1 : 0);
        String address = String.valueOf(110101 + ThreadLocalRandom.current().nextInt(80000));
        return ResidentIdNumber.of(address, birth, seq);
    }

    public static PersonForm valid() {
        return forId(idNumber(true));
    }

    public static PersonForm forId(String id) {
        ResidentIdNumber parsed = ResidentIdNumber.parse(id).orElseThrow();
        return new PersonForm(id, "张", "三丰", parsed.sex().label(), parsed.birthDate().toString(), "RETIREMENT",
                "抚顺市", "13812345678", null, null);
    }

    public static PersonForm abroad() {
        PersonForm f = valid();
        return new PersonForm(f.idNumber(), f.surname(), f.givenName(), f.sex(), f.birthDate(), f.benefitType(),
                f.pensionPlace(), "+1 415 555 0100", "zhang@example.org",
                new PersonForm.AbroadForm("美国", "E12345678", "中国驻旧金山总领事馆"));
    }
}
