package org.lifecert.enrollment.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.lifecert.events.Sex;

/**
 * An 18-character citizen identification number of GB 11643-1999: 6-digit address code, 8-digit
 * birth date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
 * character (0-9 or X).
 */
public record ResidentIdNumber(String value, LocalDate birthDate, Sex sex) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** The parsed number, or empty when it is not a valid GB 11643 number (format, date or check digit). */
    public static Optional<ResidentIdNumber> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String id = raw.trim().toUpperCase();
        if (id.length() != 18) {
            return Optional.empty();
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        if (id.charAt(0) == '0' || checkCharacter(id) != id.charAt(17)) {
            return Optional.empty();
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        Sex sex = (id.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return Optional.of(new ResidentIdNumber(id, birth, sex));
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** A valid number from an address code, a birth date and a sequence (tests, benchmarks). */
    public static String of(String address6, LocalDate birth, int sequence3) {
        String first17 = address6 + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence3);
        return first17 + checkCharacter(first17);
    }
}
