package org.lifecert.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.gateway.login.IdNumberCheck;
import org.lifecert.gateway.login.SessionTokens;
import org.lifecert.gateway.login.TokenSigning;
import org.lifecert.gateway.person.CertificationGate;
import org.lifecert.gateway.person.CertificationStatus;
import org.lifecert.gateway.session.ChallengeIssuer;
import org.lifecert.gateway.session.FrameChecks;
import org.lifecert.platform.web.ApiException;

/** The business rules of the gateway, without Quarkus. */
class RulesTests {

    @Test
    void gb11643NumbersPassAndAlteredOnesFail() {
        assertThat(IdNumberCheck.valid("11010519491231002X")).isTrue();
        assertThat(IdNumberCheck.valid("11010519491231002x")).isTrue();
        assertThat(IdNumberCheck.valid("110105194912310021")).isFalse();
        assertThat(IdNumberCheck.valid("11010519491331002X")).as("month 13").isFalse();
        assertThat(IdNumberCheck.valid("1101051949123100")).isFalse();
        assertThat(IdNumberCheck.valid(null)).isFalse();
        for (int i = 0; i < 200; i++) {
            assertThat(IdNumberCheck.valid(GatewayFixtures.newIdNumber())).isTrue();
        }
    }

    @Test
    void challengeHasTwoOrThreeDistinctActionsAndNeverThePreviousSequence() {
        ChallengeIssuer issuer = new ChallengeIssuer(new Random(1), 2, 3);
        List<Action> previous = List.of();
        Set<List<Action>> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            List<Action> drawn = issuer.draw(previous);
            assertThat(drawn).hasSizeBetween(2, 3).doesNotHaveDuplicates().isNotEqualTo(previous);
            seen.add(drawn);
            previous = drawn;
        }
        assertThat(seen.size()).as("5*4 + 5*4*3 sequences exist").isGreaterThan(70);
    }

    @Test
    void challengeIsDrawnOnlyFromTheConfiguredActions() {
        List<Action> allowed = List.of(Action.BLINK, Action.OPEN_MOUTH, Action.TURN_LEFT, Action.NOD);
        ChallengeIssuer issuer = new ChallengeIssuer(new Random(7), allowed, 2, 3);
        for (int i = 0; i < 500; i++) {
            assertThat(issuer.draw(List.of())).isSubsetOf(allowed).doesNotContain(Action.TURN_RIGHT);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChallengeIssuer(new Random(), List.of(Action.BLINK), 2, 3))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ChallengeIssuer(new Random(), List.of(Action.BLINK, Action.BLINK), 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void challengeOfOneAllowedSequenceLengthStillAvoidsThePrevious() {
        ChallengeIssuer issuer = new ChallengeIssuer(new SecureRandom(), 2, 2);
        List<Action> previous = List.of(Action.BLINK, Action.NOD);
        for (int i = 0; i < 500; i++) {
            assertThat(issuer.draw(previous)).isNotEqualTo(previous);
        }
    }

    @Test
    void sessionTokenVerifiesUntilItExpiresAndRejectsTampering() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        UUID person = UUID.randomUUID();
        String token = new SessionTokens(key, Duration.ofMinutes(20), Clock.fixed(now, ZoneOffset.UTC)).issue(person, "bureau-a");
        SessionTokens.Claims claims = new SessionTokens(key, Duration.ofMinutes(20),
                Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC)).verify(token).orElseThrow();
        assertThat(claims.personId()).isEqualTo(person);
        assertThat(claims.bureau()).isEqualTo("bureau-a");
        assertThat(new SessionTokens(key, Duration.ofMinutes(20), Clock.fixed(now.plusSeconds(1200), ZoneOffset.UTC))
                .verify(token)).isEmpty();
        byte[] other = key.clone();
        other[0] ^= 1;
        assertThat(new SessionTokens(other, Duration.ofMinutes(20), Clock.fixed(now, ZoneOffset.UTC)).verify(token)).isEmpty();
        String payload = token.substring(0, token.indexOf('.'));
        String swapped = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(payload))
                .replace(person.toString(), UUID.randomUUID().toString()).getBytes()) + token.substring(token.indexOf('.'));
        assertThat(new SessionTokens(key, Duration.ofMinutes(20), Clock.fixed(now, ZoneOffset.UTC)).verify(swapped)).isEmpty();
        assertThat(new SessionTokens(key, Duration.ofMinutes(20), Clock.fixed(now, ZoneOffset.UTC)).verify("x.y.z")).isEmpty();
    }

    @Test
    void missingOrWeakSigningKeyStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> TokenSigning.fromKey(Optional.empty(), Duration.ofMinutes(5)))
                .hasMessageContaining("lifecert.gateway.token.signing-key is not set")
                .hasMessageContaining("LIFECERT_GATEWAY_TOKEN_SIGNING_KEY");
        assertThatThrownBy(() -> TokenSigning.fromKey(Optional.of(Base64.getEncoder().encodeToString(new byte[16])),
                Duration.ofMinutes(5))).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> TokenSigning.fromKey(Optional.of("not base64!"), Duration.ofMinutes(5)))
                .hasMessageContaining("not valid base64");
    }

    @Test
    void statesThatAllowNoAttemptCarryTheSeedWords() {
        assertThat(gate("NOT_COLLECTED").message()).isEqualTo("您当前信息未采集，请联系当地社保局进行采集");
        assertThat(gate("COLLECTION_UNDER_REVIEW").message()).isEqualTo("您的信息正在审核中，请联系当地社保局");
        assertThat(gate("APPEAL_UNDER_REVIEW").message()).isEqualTo("您的申诉正在审核中，请联系当地社保局");
        assertThat(gate("APPEAL_REJECTED").message()).isEqualTo("您的申诉审核未通过，请去当地社保大厅办理");
        assertThat(gate("CERTIFIED").message()).isEqualTo("您本期已认证成功");
        assertThat(CertificationGate.judge(new CertificationStatus("p", "b", "2026", "CERTIFIED", null,
                LocalDate.of(2027, 3, 1), 0)).message()).isEqualTo("您本期已认证成功，下次认证期：2027年3月1日起");
        assertThat(gate("DUE").allowed()).isTrue();
        assertThat(gate("FAILED_ONCE").allowed()).isTrue();
        assertThat(gate("OVERDUE").allowed()).isTrue();
        assertThat(gate("SOMETHING_NEW").allowed()).isFalse();
        assertThat(CertificationGate.judge(null).message()).isEqualTo("您当前信息未采集，请联系当地社保局进行采集");
    }

    private static CertificationGate.Verdict gate(String state) {
        return CertificationGate.judge(new CertificationStatus("p", "b", "2026", state, null, null, 0));
    }

    @Test
    void frameCheckReadsDimensionsFromTheHeaderAndRefusesOthers() {
        FrameChecks checks = new FrameChecks(131072, 64, 1920);
        assertThat(checks.check(0, GatewayFixtures.jpeg(320, 240, 0.7f, 1))).isEqualTo(new FrameChecks.Dimensions(320, 240));
        assertThatThrownBy(() -> checks.check(1, "GIF89a....".getBytes()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("NOT_JPEG"));
        assertThatThrownBy(() -> checks.check(2, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, 0x01}))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("NOT_JPEG"));
        assertThatThrownBy(() -> checks.check(3, GatewayFixtures.jpeg(32, 32, 0.7f, 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("FRAME_DIMENSIONS"));
        assertThatThrownBy(() -> new FrameChecks(1000, 64, 1920).check(4, GatewayFixtures.jpeg(320, 240, 0.9f, 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
    }
}
