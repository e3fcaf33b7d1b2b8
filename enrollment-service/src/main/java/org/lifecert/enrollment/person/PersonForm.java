package org.lifecert.enrollment.person;

/**
 * What a clerk enters (seed table of the 中国领事 registration form, plus benefit type); every value
 * is text so that a malformed one becomes a field message, not a parse error.
 */
public record PersonForm(
        String idNumber,
        String surname,
        String givenName,
        String sex,
        String birthDate,
        String benefitType,
        String pensionPlace,
        String phone,
        String email,
        AbroadForm abroad) {

    /** Residents abroad: nationality (列表选择), passport number, embassy/consulate (使领馆, required). */
    public record AbroadForm(String nationality, String passportNumber, String consulate) {
    }
}
