package org.lifecert.enrollment.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lifecert.enrollment.person.PersonForm;

/**
 * Maps a roster's header to the person form. Headers are the seed form's own labels (中文姓, 中文名,
 * 中国身份证号, 性别, 出生日期, 养老金发放地, 手机号码, 国籍, 护照号码, 使领馆) plus 待遇类型 and 电子邮箱,
 * or the API's field names (surname, givenName, idNumber, ...); column order is free.
 */
public final class RosterColumns {

    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("中文姓", "surname"), Map.entry("姓", "surname"),
            Map.entry("中文名", "givenName"), Map.entry("名", "givenName"),
            Map.entry("中国身份证号", "idNumber"), Map.entry("身份证号", "idNumber"), Map.entry("身份证号码", "idNumber"),
            Map.entry("性别", "sex"), Map.entry("出生日期", "birthDate"), Map.entry("待遇类型", "benefitType"),
            Map.entry("养老金发放地", "pensionPlace"), Map.entry("手机号码", "phone"), Map.entry("电子邮箱", "email"),
            Map.entry("国籍", "nationality"), Map.entry("护照号码", "passportNumber"), Map.entry("使领馆", "consulate"));
    static final List<String> FIELDS = List.of("surname", "givenName", "idNumber", "sex", "birthDate", "benefitType",
            "pensionPlace", "phone", "email", "nationality", "passportNumber", "consulate");
    static final List<String> REQUIRED = List.of("surname", "givenName", "idNumber", "sex", "birthDate", "benefitType",
            "pensionPlace", "phone");

    private final Map<String, Integer> index = new HashMap<>();

    private RosterColumns() {
    }

    /** Null when a required column is missing: the missing field names are then in {@code missing}. */
    public static RosterColumns of(List<String> header, List<String> missing) {
        RosterColumns c = new RosterColumns();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            if (i == 0 && !h.isEmpty() && h.charAt(0) == '\uFEFF') {
                h = h.substring(1);
            }
            String field = ALIASES.get(h);
            if (field == null) {
                for (String f : FIELDS) {
                    if (f.toLowerCase(Locale.ROOT).equals(h.toLowerCase(Locale.ROOT))) {
                        field = f;
                    }
                }
            }
            if (field != null) {
                c.index.putIfAbsent(field, i);
            }
        }
        for (String r : REQUIRED) {
            if (!c.index.containsKey(r)) {
                missing.add(r);
            }
        }
        return missing.isEmpty() ? c : null;
    }

    public PersonForm form(List<String> row) {
        String nationality = get(row, "nationality");
        String passport = get(row, "passportNumber");
        String consulate = get(row, "consulate");
        boolean abroad = nationality != null || passport != null || consulate != null;
        return new PersonForm(get(row, "idNumber"), get(row, "surname"), get(row, "givenName"), get(row, "sex"),
                get(row, "birthDate"), get(row, "benefitType"), get(row, "pensionPlace"), get(row, "phone"),
                get(row, "email"), abroad ? new PersonForm.AbroadForm(nationality, passport, consulate) : null);
    }

    private String get(List<String> row, String field) {
        Integer i = index.get(field);
        if (i == null || i >= row.size()) {
            return null;
        }
        String v = row.get(i).strip();
        return v.isEmpty() ? null : v;
    }
}
