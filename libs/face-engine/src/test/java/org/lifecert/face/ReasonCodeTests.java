package org.lifecert.face;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ReasonCodeTests {

    @Test
    void lightAndCoveredEyesUseTheSeedsWords() {
        assertEquals("光线不符，请调整光线", ReasonCode.TOO_DARK.messageZh());
        assertEquals("请勿佩戴墨镜，不要让帽子、眼镜、头发遮住额头及眼睛", ReasonCode.EYES_COVERED.messageZh());
        assertEquals("请正对摄像头", ReasonCode.NOT_FRONTAL.messageZh());
    }

    @Test
    void everyCodeHasBothMessages() {
        for (ReasonCode code : ReasonCode.values()) {
            assertFalse(code.messageZh().isBlank(), code.name());
            assertFalse(code.messageEn().isBlank(), code.name());
        }
    }
}
