package org.lifecert.enrollment.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lifecert.enrollment.reference.Consulate;
import org.lifecert.enrollment.reference.Country;
import org.lifecert.enrollment.reference.ReferenceLists;
import org.lifecert.events.BenefitType;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.Sex;
import org.lifecert.platform.web.FieldError;

/**
 * The seed table's input rules (中文姓/中文名: 必填, 20 字以内汉字; 中国身份证号 必填; 性别 男/女; 出生日期
 * 今天>范围>1900-01-01; 国籍 列表选择 and 使领馆 必填 from the lists for residents abroad) plus GB 11643: the birth date and sex
 * entered must be the ones the ID number encodes. Plain class: unit-tested without Quarkus and
 * shared by the API and the roster import.
 */
public final class PersonRules {

    /** Han characters, plus the middle dot of transcribed minority names (e.g. 阿依古丽·买买提). */
    private static final Pattern CHINESE_NAME = Pattern.compile("[\\p{IsHan}·]{1,20}");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PASSPORT = Pattern.compile("[A-Za-z0-9]{5,20}");
    private static final LocalDate EARLIEST_EXCLUSIVE = LocalDate.of(1900, 1, 1);

    private final ReferenceLists lists;

    /** With the lists shipped in this module. */
    public PersonRules() {
        this(ReferenceLists.bundled());
    }

    public PersonRules(ReferenceLists lists) {
        this.lists = lists;
    }

    /** Either the details or the field errors, in form order. */
    public record Outcome(PersonDetails details, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Outcome check(PersonForm form, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String surname = trim(form.surname());
        if (surname == null || !CHINESE_NAME.matcher(surname).matches()) {
            errors.add(new FieldError("surname", PersonMessages.SURNAME));
        }
        String givenName = trim(form.givenName());
        if (givenName == null || !CHINESE_NAME.matcher(givenName).matches()) {
            errors.add(new FieldError("givenName", PersonMessages.GIVEN_NAME));
        }
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(form.idNumber());
        if (id.isEmpty()) {
            errors.add(new FieldError("idNumber", PersonMessages.ID_NUMBER));
        }
        Sex sex = parseSex(form.sex());
        if (sex == null) {
            errors.add(new FieldError("sex", PersonMessages.SEX));
        } else if (id.isPresent() && id.get().sex() != sex) {
            errors.add(new FieldError("sex", PersonMessages.SEX_MISMATCH));
        }
        LocalDate birth = parseDate(form.birthDate());
        if (birth == null) {
            errors.add(new FieldError("birthDate", PersonMessages.BIRTH_DATE));
        } else if (!birth.isAfter(EARLIEST_EXCLUSIVE) || !birth.isBefore(today)) {
            errors.add(new FieldError("birthDate", PersonMessages.BIRTH_DATE_RANGE));
        } else if (id.isPresent() && !id.get().birthDate().equals(birth)) {
            errors.add(new FieldError("birthDate", PersonMessages.BIRTH_DATE_MISMATCH));
        }
        BenefitType benefit = parseBenefit(form.benefitType());
        if (benefit == null) {
            errors.add(new FieldError("benefitType", PersonMessages.BENEFIT_TYPE));
        }
        String place = trim(form.pensionPlace());
        if (place == null || place.length() > 100) {
            errors.add(new FieldError("pensionPlace", PersonMessages.PENSION_PLACE));
        }
        boolean abroad = form.abroad() != null;
        String phone = trim(form.phone());
        if (phone == null || !(abroad ? INTERNATIONAL_PHONE : MAINLAND_MOBILE).matcher(phone).matches()) {
            errors.add(new FieldError("phone", PersonMessages.PHONE));
        }
        String email = trim(form.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", PersonMessages.EMAIL));
        }
        PersonEnrolled.Abroad abroadDetails = null;
        if (abroad) {
            // 国籍 and 使领馆 are list choices: a value off the list is as good as none (the ISO code is
            // accepted for a nationality too); what is kept is the list's Chinese name.
            Optional<Country> nationality = lists.country(trim(form.abroad().nationality()));
            if (nationality.isEmpty()) {
                errors.add(new FieldError("abroad.nationality", PersonMessages.NATIONALITY));
            }
            String passport = trim(form.abroad().passportNumber());
            if (passport == null || !PASSPORT.matcher(passport).matches()) {
                errors.add(new FieldError("abroad.passportNumber", PersonMessages.PASSPORT));
            }
            Optional<Consulate> consulate = lists.consulate(trim(form.abroad().consulate()));
            if (consulate.isEmpty()) {
                errors.add(new FieldError("abroad.consulate", PersonMessages.CONSULATE));
            }
            abroadDetails = new PersonEnrolled.Abroad(nationality.map(Country::name).orElse(null),
                    passport == null ? null : passport.toUpperCase(), consulate.map(Consulate::name).orElse(null));
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, List.copyOf(errors));
        }
        return new Outcome(new PersonDetails(id.get(), surname, givenName, sex, birth, benefit, place, phone, email,
                abroadDetails), List.of());
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** 男/女 as the form shows them, or the event names MALE/FEMALE. */
    static Sex parseSex(String raw) {
        String s = trim(raw);
        if (s == null) {
            return null;
        }
        for (Sex sex : Sex.values()) {
            if (sex.label().equals(s) || sex.name().equalsIgnoreCase(s)) {
                return sex;
            }
        }
        return null;
    }

    /** The Chinese label (养老退休, 供养, 工伤, 工伤遗属) or the event name. */
    static BenefitType parseBenefit(String raw) {
        String s = trim(raw);
        if (s == null) {
            return null;
        }
        for (BenefitType type : BenefitType.values()) {
            if (type.label().equals(s) || type.name().equals(s.toUpperCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }

    /** ISO dates (2001-02-03); rosters exported from spreadsheets also use 2001/2/3. */
    static LocalDate parseDate(String raw) {
        String s = trim(raw);
        if (s == null) {
            return null;
        }
        try {
            if (s.indexOf('/') > 0) {
                String[] p = s.split("/");
                if (p.length != 3) {
                    return null;
                }
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            return LocalDate.parse(s);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
