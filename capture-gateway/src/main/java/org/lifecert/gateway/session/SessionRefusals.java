package org.lifecert.gateway.session;

import org.lifecert.platform.web.ApiException;

/** The refusals of session start and frame upload, with the words a recipient sees. */
public final class SessionRefusals {

    private SessionRefusals() {
    }

    public static ApiException notFound() {
        return new ApiException(404, "SESSION_NOT_FOUND", "未找到本次认证，请重新开始认证", "no such session");
    }

    public static ApiException foreign() {
        return new ApiException(403, "SESSION_FOREIGN", "这不是您发起的认证，请重新登录后再试",
                "the session belongs to another login");
    }

    public static ApiException wrongNonce() {
        return new ApiException(403, "WRONG_NONCE", "认证校验信息不匹配，请重新开始认证", "nonce does not match the session's");
    }

    public static ApiException expired() {
        return new ApiException(410, "SESSION_EXPIRED", "认证已超时，请重新开始认证（请及时按照系统要求做动作，以免超时）",
                "the session deadline has passed");
    }

    public static ApiException closed() {
        return new ApiException(409, "SESSION_CLOSED", "本次认证已结束，请等待认证结果或重新开始认证",
                "the session is already completed");
    }

    public static ApiException stepInvalid(String detail) {
        return new ApiException(400, "STEP_INVALID", "认证步骤不正确，请重新开始认证", detail);
    }

    public static ApiException replayed() {
        return new ApiException(409, "BATCH_REPLAYED", "这批图像已经提交过，不能重复使用，请重新开始认证",
                "the batch id was already used with other content or another session");
    }

    public static ApiException batchTooLarge(String detail) {
        return new ApiException(413, "BATCH_TOO_LARGE", FrameChecks.FRAME_TOO_LARGE, detail);
    }

    public static ApiException badBatch(String code, String detail) {
        return new ApiException(400, code, "上传的图像不完整，请重新认证", detail);
    }

    public static ApiException notLinked() {
        return new ApiException(403, "NOT_LINKED", "您不能为该人员认证，请先在亲情服务中添加该亲属",
                "no ACTIVE or PENDING relative link to this person");
    }

    public static ApiException publishFailed(String detail) {
        return new ApiException(503, "PUBLISH_FAILED", "系统繁忙，图像未能提交，请稍后重试", detail);
    }
}
