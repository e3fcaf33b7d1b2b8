package org.lifecert.gateway.result;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The result words of the seed (pc-certification-manual 4.2 (7)). */
public final class ResultMessages {

    public static final String APPEAL = "认证失败2次，系统会终止您继续认证，并自动向当地社保经办机构提起申诉，此时，您须等待工作人员审核，"
            + "此时可联系当地经办机构或者等待10个工作日后登陆认证网址查询审核进度。";
    public static final String FAILED = "认证失败，可以点击【再次认证】重新认证";
    public static final String PENDING = "正在识别，请稍候……";
    public static final String EXPIRED = "认证已超时，请重新开始认证";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ResultMessages() {
    }

    public static String certified(LocalDate nextPeriodStart) {
        return nextPeriodStart == null ? "认证成功" : "认证成功，下次认证期：" + DATE.format(nextPeriodStart) + "起";
    }
}
