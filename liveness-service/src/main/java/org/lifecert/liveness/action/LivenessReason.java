package org.lifecert.liveness.action;

import org.lifecert.events.Action;

/**
 * Reason codes of a LivenessVerdict, each with the words shown to the recipient. Face-level codes reuse the names of
 * the face engine's ReasonCode (NO_FACE, MULTIPLE_FACES, TOO_DARK, ...) and its messages, which quote the seeds
 * (光线不符，请调整光线).
 */
public enum LivenessReason {
    BLINK_NOT_DETECTED("未检测到眨眼动作，请按提示眨眼"),
    MOUTH_NOT_DETECTED("未检测到张嘴动作，请按提示张嘴"),
    TURN_LEFT_NOT_DETECTED("未检测到向左转头动作，请按提示向左转头"),
    TURN_RIGHT_NOT_DETECTED("未检测到向右转头动作，请按提示向右转头"),
    NOD_NOT_DETECTED("未检测到点头动作，请按提示点头"),
    ACTION_TIMEOUT("动作超时，请在规定时间内完成动作"),
    NO_FACE(org.lifecert.face.ReasonCode.NO_FACE.messageZh()),
    MULTIPLE_FACES(org.lifecert.face.ReasonCode.MULTIPLE_FACES.messageZh()),
    TOO_DARK(org.lifecert.face.ReasonCode.TOO_DARK.messageZh()),
    TOO_BRIGHT(org.lifecert.face.ReasonCode.TOO_BRIGHT.messageZh()),
    SPOOF_SUSPECTED(org.lifecert.face.ReasonCode.SPOOF_SUSPECTED.messageZh()),
    IDENTITY_CHANGED("认证过程中人脸发生变化，请本人完成全部动作"),
    FRAME_TIME_INVALID("画面时间异常，请重新认证"),
    REPLAY_SUSPECTED("检测到重复画面，请本人正对摄像头重新认证"),
    INTERRUPTED("认证中断，请重新认证"),
    STEP_MISSING("认证动作未完成，请重新认证");

    private final String messageZh;

    LivenessReason(String messageZh) {
        this.messageZh = messageZh;
    }

    public String messageZh() {
        return messageZh;
    }

    /** The "not detected" reason of an action. */
    public static LivenessReason notDetected(Action action) {
        return switch (action) {
            case BLINK -> BLINK_NOT_DETECTED;
            case OPEN_MOUTH -> MOUTH_NOT_DETECTED;
            case TURN_LEFT -> TURN_LEFT_NOT_DETECTED;
            case TURN_RIGHT -> TURN_RIGHT_NOT_DETECTED;
            case NOD -> NOD_NOT_DETECTED;
        };
    }
}
