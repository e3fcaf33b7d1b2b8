package org.lifecert.enrollment.person;

/**
 * Validation messages. The first four are the seed table's own words (输入校验提示 of
 * fushun-self-service-guide); the seed gives "-" for the other fields, so theirs follow the same
 * pattern (请选择… for lists and pickers, 请输入正确的… for typed values).
 */
public final class PersonMessages {

    public static final String SURNAME = "请输入正确的中文姓";
    public static final String GIVEN_NAME = "请输入正确的中文名";
    public static final String ID_NUMBER = "请输入正确的身份证号";
    public static final String CONSULATE = "请选择使领馆";

    public static final String SEX = "请选择性别";
    public static final String SEX_MISMATCH = "性别与身份证号不符";
    public static final String BIRTH_DATE = "请选择出生日期";
    public static final String BIRTH_DATE_RANGE = "请选择正确的出生日期";
    public static final String BIRTH_DATE_MISMATCH = "出生日期与身份证号不符";
    public static final String BENEFIT_TYPE = "请选择待遇类型";
    public static final String PENSION_PLACE = "请选择养老金发放地";
    public static final String PHONE = "请输入正确的手机号码";
    public static final String EMAIL = "请输入正确的电子邮箱";
    public static final String NATIONALITY = "请选择国籍";
    public static final String PASSPORT = "请输入正确的护照号码";

    private PersonMessages() {
    }
}
