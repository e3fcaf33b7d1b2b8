package org.lifecert.facematch.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecert.platform.web.ApiException;

class ThresholdRulesTests {

    private final ThresholdBounds bounds = new ThresholdBounds(0.32, 0.60);

    @Test
    void valuesInsideTheBoundsIncludingTheEndsAreAccepted() {
        assertThat(bounds.check(0.32)).isEqualTo(0.32);
        assertThat(bounds.check(0.45)).isEqualTo(0.45);
        assertThat(bounds.check(0.60)).isEqualTo(0.60);
    }

    @Test
    void valuesOutsideTheBoundsAreRefusedWithAChineseMessageNamingTheRange() {
        assertThatThrownBy(() -> bounds.check(0.31)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("THRESHOLD_OUT_OF_RANGE");
            assertThat(e.personMessage()).isEqualTo("比对阈值须在 0.32 至 0.6 之间，当前为 0.31");
            assertThat(e.errors()).extracting(f -> f.field()).containsExactly("threshold");
        });
        assertThatThrownBy(() -> bounds.check(0.61)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> bounds.check(-1.0)).isInstanceOf(ApiException.class);
    }

    @Test
    void missingOrNonNumericValueIsRefused() {
        assertThatThrownBy(() -> bounds.check(null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("THRESHOLD_MISSING"));
        assertThatThrownBy(() -> bounds.check(Double.NaN)).isInstanceOf(ApiException.class);
    }

    @Test
    void estimatedFalseAcceptRateNeverUnderstatesTheTable() {
        MatchCalibration table = MatchCalibration.parse(List.of("# comment", "threshold,falseAcceptRate,falseRejectRate",
                "0.40,0.0001,0", "0.30,0.002,0", "0.50,0.00001,0.1"));
        assertThat(table.points()).extracting(MatchCalibration.Point::threshold).containsExactly(0.30, 0.40, 0.50);
        assertThat(table.estimatedFalseAcceptRate(0.40)).isEqualTo(0.0001);
        assertThat(table.estimatedFalseAcceptRate(0.45)).isEqualTo(0.0001); // the lower row's (higher) rate
        assertThat(table.estimatedFalseAcceptRate(0.20)).isEqualTo(0.002);
    }

    @Test
    void shippedCalibrationPutsTheDefaultBoundsAroundTheTargetRate() {
        MatchCalibration shipped = MatchCalibration.shipped();
        assertThat(shipped.points()).isNotEmpty();
        // the lowest allowed threshold keeps the estimated rate within FAR 0.1%, the one just below does not
        assertThat(shipped.estimatedFalseAcceptRate(0.32)).isLessThanOrEqualTo(0.001);
        assertThat(shipped.estimatedFalseAcceptRate(0.30)).isGreaterThan(0.001);
        assertThat(shipped.estimatedFalseAcceptRate(0.40)).isLessThan(0.001);
    }
}
