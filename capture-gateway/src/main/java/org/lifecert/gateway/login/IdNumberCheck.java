package org.lifecert.gateway.login;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The GB 11643-1999 citizen identity number: 17 digits (6 address, 8 birth date, 3 order) and a
 * check character from the ISO 7064 MOD 11-2 checksum ({@code 10X98765432}). The seed's form
 * answers a wrong number with 请输入正确的身份证号.
 */
public final class IdNumberCheck {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumberCheck() {
    }

    /** The number with spaces removed and x upper-cased; does not validate. */
    public static String normalise(String idNumber) {
        return idNumber == null ? "" : idNumber.replace(" ", "").trim().toUpperCase();
    }

    public static boolean valid(String idNumber) {
        String id = normalise(idNumber);
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (id.charAt(17) != CHECK.charAt(sum % 11)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return !birth.isBefore(LocalDate.of(1900, 1, 1)) && !birth.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Appends the check character to 17 digits (test data and tools). */
    public static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }
}
