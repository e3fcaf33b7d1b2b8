package org.lifecert.face;

/**
 * Why an image cannot be used, in words a person can act on. The Chinese messages for lighting and for
 * covered eyes are the seeds' own words (光线不符，请调整光线; 请勿佩戴墨镜，不要让帽子、眼镜、头发遮住额头及眼睛).
 */
public enum ReasonCode {
    NO_FACE("未检测到人脸，请将面部置于取景框内", "No face was found; put your face inside the frame"),
    MULTIPLE_FACES("检测到多张人脸，请确保画面中只有本人", "Several faces were found; make sure only you are in the picture"),
    FACE_TOO_SMALL("人脸过小，请靠近摄像头", "The face is too small; move closer to the camera"),
    TOO_DARK("光线不符，请调整光线", "The light is not right (too dark); adjust the lighting"),
    TOO_BRIGHT("逆光或光线过亮，请调整光线", "Backlit or too bright; adjust the lighting"),
    BLURRED("图像模糊，请保持不动并擦拭摄像头", "The picture is blurred; hold still and clean the camera"),
    NOT_FRONTAL("请正对摄像头", "Please face the camera"),
    EYES_COVERED("请勿佩戴墨镜，不要让帽子、眼镜、头发遮住额头及眼睛",
            "Do not wear sunglasses; keep hats, glasses and hair away from your forehead and eyes"),
    IMAGE_UNREADABLE("图片无法识别，请重新拍摄或上传", "The image cannot be read; take or upload it again"),
    IMAGE_TOO_LARGE("图片过大，请压缩后重新上传", "The image is too large; upload a smaller one"),
    SPOOF_SUSPECTED("未通过活体检测，请本人正对摄像头重新认证",
            "The liveness check failed; certify again in person, facing the camera");

    private final String messageZh;
    private final String messageEn;

    ReasonCode(String messageZh, String messageEn) {
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** The message shown to the person (Chinese). */
    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
