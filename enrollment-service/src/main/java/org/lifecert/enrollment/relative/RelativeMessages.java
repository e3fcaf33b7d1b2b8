package org.lifecert.enrollment.relative;

/** Messages of the relative (亲情服务) flow; recipients read them, so Chinese and actionable. */
public final class RelativeMessages {
    public static final String RELATIONSHIP = "请选择与亲属的关系";
    public static final String DOCUMENT_PHOTO = "请上传亲属的身份凭证照片";
    public static final String DOCUMENT_PHOTO_UNREADABLE = "身份凭证照片无法识别，请上传JPG或PNG格式的照片";
    /** %d: the limit in MB. */
    public static final String DOCUMENT_PHOTO_TOO_LARGE = "身份凭证照片不能超过%dMB，请重新上传";
    public static final String DOCUMENT_PHOTO_TOO_SMALL = "身份凭证照片不够清晰，请重新拍摄后上传";
    public static final String NOT_COLLECTED = "您的亲属信息未采集，请联系当地社保局进行采集";
    public static final String NAME_MISMATCH = "亲属姓名与身份证号不符";
    public static final String SELF = "不能添加本人为亲属";
    public static final String DUPLICATE = "该亲属已添加";
    public static final String LIMIT = "该亲属的亲情账户数量已达上限";

    private RelativeMessages() {
    }
}
