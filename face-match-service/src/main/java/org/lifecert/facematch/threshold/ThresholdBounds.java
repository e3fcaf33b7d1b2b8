package org.lifecert.facematch.threshold;

import java.math.BigDecimal;
import java.util.List;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * The range a bureau may choose its match threshold in: below {@code min} the estimated false-accept rate exceeds the
 * platform's 0.1% target (a deceased person's benefit keeps being paid); above {@code max} too many genuine
 * recipients are refused. Messages are for the bureau admin, in Chinese.
 */
public record ThresholdBounds(double min, double max) {

    public static final String FIELD = "threshold";

    /** The value, checked; 400 with a clear message when missing or outside the bounds. */
    public double check(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw refused("THRESHOLD_MISSING", "请填写比对阈值（0 到 1 之间的小数）", "threshold missing or not a number");
        }
        if (value < min - 1e-9 || value > max + 1e-9) {
            throw refused("THRESHOLD_OUT_OF_RANGE",
                    "比对阈值须在 " + plain(min) + " 至 " + plain(max) + " 之间，当前为 " + plain(value),
                    "threshold " + value + " outside [" + min + ", " + max + "]");
        }
        return value;
    }

    private static ApiException refused(String code, String message, String detail) {
        return new ApiException(400, code, message, detail, List.of(new FieldError(FIELD, message)));
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
