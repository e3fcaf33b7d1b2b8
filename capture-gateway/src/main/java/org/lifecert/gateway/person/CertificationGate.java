package org.lifecert.gateway.person;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Whether a person may start a camera attempt, from their certification state, with the words the
 * seed (pc-certification-manual 4.3 (4)-(8)) shows at login when they may not.
 */
public final class CertificationGate {

    public static final String NOT_COLLECTED = "您当前信息未采集，请联系当地社保局进行采集";
    public static final String CERTIFIED = "您本期已认证成功";
    public static final String APPEAL_UNDER_REVIEW = "您的申诉正在审核中，请联系当地社保局";
    public static final String APPEAL_REJECTED = "您的申诉审核未通过，请去当地社保大厅办理";
    public static final String COLLECTION_UNDER_REVIEW = "您的信息正在审核中，请联系当地社保局";
    public static final String FAILED_ONCE = "认证失败，可以再次认证";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private CertificationGate() {
    }

    /** The verdict of the gate: {@code allowed}, the state and the message to show (null when none). */
    public record Verdict(boolean allowed, String state, String message, LocalDate nextPeriodStart) {
    }

    public static Verdict judge(CertificationStatus status) {
        if (status == null) {
            return new Verdict(false, "NOT_COLLECTED", NOT_COLLECTED, null);
        }
        String state = status.state() == null ? "" : status.state();
        return switch (state) {
            case "NOT_COLLECTED" -> new Verdict(false, state, NOT_COLLECTED, null);
            case "COLLECTION_UNDER_REVIEW" -> new Verdict(false, state, COLLECTION_UNDER_REVIEW, null);
            case "CERTIFIED" -> new Verdict(false, state, status.nextPeriodStart() == null ? CERTIFIED
                    : CERTIFIED + "，下次认证期：" + DATE.format(status.nextPeriodStart()) + "起", status.nextPeriodStart());
            case "APPEAL_UNDER_REVIEW" -> new Verdict(false, state, APPEAL_UNDER_REVIEW, null);
            case "APPEAL_REJECTED" -> new Verdict(false, state, APPEAL_REJECTED, null);
            case "FAILED_ONCE" -> new Verdict(true, state, FAILED_ONCE, null);
            case "DUE", "OVERDUE" -> new Verdict(true, state, null, null);
            // An unknown state is a contract change: refuse rather than guess.
            default -> new Verdict(false, state, "暂时无法认证，请联系当地社保局", null);
        };
    }
}
