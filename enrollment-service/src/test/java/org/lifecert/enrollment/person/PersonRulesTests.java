package org.lifecert.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifecert.enrollment.PersonForms;
import org.lifecert.platform.web.FieldError;

/** The seed table, row by row: each broken input and the exact message the clerk sees. */
class PersonRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String MAN = ResidentIdNumber.of("110105", LocalDate.of(1949, 12, 31), 3);
    private final PersonRules rules = new PersonRules();

    static PersonForm base() {
        return PersonForms.forId(MAN);
    }

    static PersonForm with(PersonForm f, String field, String value) {
        return new PersonForm(
                field.equals("idNumber") ? value : f.idNumber(),
                field.equals("surname") ? value : f.surname(),
                field.equals("givenName") ? value : f.givenName(),
                field.equals("sex") ? value : f.sex(),
                field.equals("birthDate") ? value : f.birthDate(),
                field.equals("benefitType") ? value : f.benefitType(),
                field.equals("pensionPlace") ? value : f.pensionPlace(),
                field.equals("phone") ? value : f.phone(),
                field.equals("email") ? value : f.email(),
                f.abroad());
    }

    static PersonForm abroad(String nationality, String passport, String consulate) {
        PersonForm f = with(base(), "phone", "+44 20 7946 0000");
        return new PersonForm(f.idNumber(), f.surname(), f.givenName(), f.sex(), f.birthDate(), f.benefitType(),
                f.pensionPlace(), f.phone(), f.email(), new PersonForm.AbroadForm(nationality, passport, consulate));
    }

    static Stream<Arguments> brokenInputs() {
        return Stream.of(
                Arguments.of("surname missing", with(base(), "surname", null), "surname", "请输入正确的中文姓"),
                Arguments.of("surname blank", with(base(), "surname", "  "), "surname", "请输入正确的中文姓"),
                Arguments.of("surname latin", with(base(), "surname", "Zhang"), "surname", "请输入正确的中文姓"),
                Arguments.of("surname with digit", with(base(), "surname", "张1"), "surname", "请输入正确的中文姓"),
                Arguments.of("surname 21 characters", with(base(), "surname", "张".repeat(21)), "surname", "请输入正确的中文姓"),
                Arguments.of("given name missing", with(base(), "givenName", null), "givenName", "请输入正确的中文名"),
                Arguments.of("given name latin", with(base(), "givenName", "San"), "givenName", "请输入正确的中文名"),
                Arguments.of("given name 21 characters", with(base(), "givenName", "三".repeat(21)), "givenName", "请输入正确的中文名"),
                Arguments.of("ID number missing", with(base(), "idNumber", null), "idNumber", "请输入正确的身份证号"),
                Arguments.of("ID number 17 digits", with(base(), "idNumber", MAN.substring(0, 17)), "idNumber", "请输入正确的身份证号"),
                Arguments.of("ID number wrong check digit", with(base(), "idNumber", MAN.substring(0, 17) + (MAN.charAt(17) == '1' ? '2' : '1')), "idNumber", "请输入正确的身份证号"),
                Arguments.of("ID number impossible date", with(base(), "idNumber", "11010519490231003" + ResidentIdNumber.checkCharacter("11010519490231003")), "idNumber", "请输入正确的身份证号"),
                Arguments.of("sex missing", with(base(), "sex", null), "sex", "请选择性别"),
                Arguments.of("sex unknown", with(base(), "sex", "未知"), "sex", "请选择性别"),
                Arguments.of("sex contradicts ID number", with(base(), "sex", "女"), "sex", "性别与身份证号不符"),
                Arguments.of("birth date missing", with(base(), "birthDate", null), "birthDate", "请选择出生日期"),
                Arguments.of("birth date not a date", with(base(), "birthDate", "1949-13-01"), "birthDate", "请选择出生日期"),
                Arguments.of("birth date 1900-01-01", with(base(), "birthDate", "1900-01-01"), "birthDate", "请选择正确的出生日期"),
                Arguments.of("birth date today", with(base(), "birthDate", TODAY.toString()), "birthDate", "请选择正确的出生日期"),
                Arguments.of("birth date contradicts ID number", with(base(), "birthDate", "1949-12-30"), "birthDate", "出生日期与身份证号不符"),
                Arguments.of("benefit type missing", with(base(), "benefitType", null), "benefitType", "请选择待遇类型"),
                Arguments.of("benefit type unknown", with(base(), "benefitType", "低保"), "benefitType", "请选择待遇类型"),
                Arguments.of("pension place missing", with(base(), "pensionPlace", ""), "pensionPlace", "请选择养老金发放地"),
                Arguments.of("phone missing", with(base(), "phone", null), "phone", "请输入正确的手机号码"),
                Arguments.of("phone not a mainland mobile", with(base(), "phone", "12345"), "phone", "请输入正确的手机号码"),
                Arguments.of("email malformed", with(base(), "email", "zhang@"), "email", "请输入正确的电子邮箱"),
                Arguments.of("abroad without consulate", abroad("英国", "E1234567", null), "abroad.consulate", "请选择使领馆"),
                Arguments.of("abroad with blank consulate", abroad("英国", "E1234567", " "), "abroad.consulate", "请选择使领馆"),
                Arguments.of("abroad without nationality", abroad(null, "E1234567", "中国驻英国大使馆"), "abroad.nationality", "请选择国籍"),
                Arguments.of("abroad without passport", abroad("英国", null, "中国驻英国大使馆"), "abroad.passportNumber", "请输入正确的护照号码"),
                Arguments.of("abroad passport with symbols", abroad("英国", "E12#45", "中国驻英国大使馆"), "abroad.passportNumber", "请输入正确的护照号码"),
                Arguments.of("nationality off the list", abroad("大英帝国", "E1234567", "中国驻英国大使馆"), "abroad.nationality", "请选择国籍"),
                Arguments.of("nationality unknown code", abroad("XX", "E1234567", "中国驻英国大使馆"), "abroad.nationality", "请选择国籍"),
                Arguments.of("consulate off the list", abroad("英国", "E1234567", "驻英国使馆"), "abroad.consulate", "请选择使领馆"),
                Arguments.of("consulate that does not exist", abroad("英国", "E1234567", "中国驻火星总领事馆"), "abroad.consulate", "请选择使领馆"));
    }

    static Stream<Arguments> listChoices() {
        return Stream.of(
                Arguments.of("Chinese name", "英国", "中国驻英国大使馆", "英国", "中国驻英国大使馆"),
                Arguments.of("ISO code", "GB", "中国驻曼彻斯特总领事馆", "英国", "中国驻曼彻斯特总领事馆"),
                Arguments.of("lower-case ISO code", "us", "中国驻旧金山总领事馆", "美国", "中国驻旧金山总领事馆"),
                Arguments.of("Chinese national living abroad", "中国", "中国驻悉尼总领事馆", "中国", "中国驻悉尼总领事馆"),
                Arguments.of("consulate in another country than the nationality", "CA", "中国驻纽约总领事馆", "加拿大", "中国驻纽约总领事馆"),
                Arguments.of("surrounding blanks", " 日本 ", " 中国驻大阪总领事馆 ", "日本", "中国驻大阪总领事馆"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listChoices")
    void listChoicesAreKeptAsTheListsChineseNames(String description, String nationality, String consulate,
            String keptNationality, String keptConsulate) {
        PersonRules.Outcome outcome = rules.check(abroad(nationality, "E1234567", consulate), TODAY);
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.details().abroad().nationality()).isEqualTo(keptNationality);
        assertThat(outcome.details().abroad().consulate()).isEqualTo(keptConsulate);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputs")
    void brokenInputGetsTheSeedMessageOnItsField(String description, PersonForm form, String field, String message) {
        PersonRules.Outcome outcome = rules.check(form, TODAY);
        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.errors()).containsExactly(new FieldError(field, message));
    }

    @Test
    void validFormGivesNormalisedDetails() {
        PersonRules.Outcome outcome = rules.check(with(base(), "sex", "MALE"), TODAY);
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.details().idNumber().value()).isEqualTo(MAN);
        assertThat(outcome.details().abroad()).isNull();
    }

    @Test
    void minorityNameWithMiddleDotAndChineseLabelsAreAccepted() {
        PersonForm f = with(with(with(base(), "givenName", "古丽·买买提"), "benefitType", "工伤遗属"), "birthDate", "1949/12/31");
        assertThat(rules.check(f, TODAY).errors()).isEmpty();
    }

    @Test
    void residentAbroadNeedsNoMainlandMobile() {
        PersonRules.Outcome outcome = rules.check(abroad("英国", "e1234567", "中国驻英国大使馆"), TODAY);
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.details().abroad().passportNumber()).isEqualTo("E1234567");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        PersonForm empty = new PersonForm(null, null, null, null, null, null, null, null, null,
                new PersonForm.AbroadForm(null, null, null));
        assertThat(rules.check(empty, TODAY).errors()).extracting(FieldError::message).containsExactly(
                "请输入正确的中文姓", "请输入正确的中文名", "请输入正确的身份证号", "请选择性别", "请选择出生日期",
                "请选择待遇类型", "请选择养老金发放地", "请输入正确的手机号码", "请选择国籍", "请输入正确的护照号码", "请选择使领馆");
    }
}
