package org.lifecert.appeal.certification;

/**
 * The certification state of a person in a period, with the message the recipient sees. The
 * messages are the seed manual's own words (pc-certification-manual, 4.2 (7) and 4.3 (4)-(8)).
 */
public enum CertificationState {
    NOT_COLLECTED("您当前信息未采集，请联系当地社保局进行采集"),
    COLLECTION_UNDER_REVIEW("您的信息正在审核中，请联系当地社保局"),
    DUE(null),
    CERTIFIED("您本期已认证成功"),
    FAILED_ONCE("认证失败，可以再次认证"),
    APPEAL_UNDER_REVIEW("您的申诉正在审核中，请联系当地社保局"),
    APPEAL_REJECTED("您的申诉审核未通过，请去当地社保大厅办理"),
    OVERDUE(null);

    private final String message;

    CertificationState(String message) {
        this.message = message;
    }

    /** The seed message shown to the recipient, or null where the design table has none. */
    public String message() {
        return message;
    }

    /** Whether the self-service page may start an attempt (seed: after 2 failures the system stops). */
    public boolean selfServiceAllowed() {
        return this == DUE || this == FAILED_ONCE || this == OVERDUE;
    }
}
