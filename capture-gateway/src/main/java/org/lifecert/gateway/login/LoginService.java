package org.lifecert.gateway.login;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lifecert.gateway.config.GatewayConfig;
import org.lifecert.gateway.person.CertificationGate;
import org.lifecert.gateway.person.CertificationStates;
import org.lifecert.gateway.person.PersonDirectory;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.platform.web.ApiException;

/**
 * Recipient login (seed: 输入身份证号和验证码，点击【登录】): limits first, then the captcha (one use), the
 * GB 11643 check, the person in the enrollment projection; every failure counts against the ID
 * number and the client address.
 */
@ApplicationScoped
public class LoginService {

    public static final String INVALID_ID = "请输入正确的身份证号";
    public static final String CAPTCHA_WRONG = "验证码不正确，请重新输入";
    public static final String CAPTCHA_EXPIRED = "验证码已失效，请点击图片换一张";
    public static final String PERSON_INACTIVE = "您的待遇资格状态异常，请联系当地社保局";

    public record LoginResult(String token, Instant expiresAt, PersonDirectory.Person person,
            CertificationGate.Verdict certification, List<PersonDirectory.Relative> relatives) {
    }

    private final Captchas captchas;
    private final LoginThrottle throttle;
    private final PersonDirectory directory;
    private final IdNumbers idNumbers;
    private final SessionTokens tokens;
    private final CertificationStates states;
    private final GatewayConfig config;

    public LoginService(Captchas captchas, LoginThrottle throttle, PersonDirectory directory, IdNumbers idNumbers,
            SessionTokens tokens, CertificationStates states, GatewayConfig config) {
        this.captchas = captchas;
        this.throttle = throttle;
        this.directory = directory;
        this.idNumbers = idNumbers;
        this.tokens = tokens;
        this.states = states;
        this.config = config;
    }

    public LoginResult login(String rawIdNumber, UUID captchaId, String captchaAnswer, String clientAddress) {
        String idNumber = IdNumberCheck.normalise(rawIdNumber);
        String ipKey = LoginThrottle.ipKey(clientAddress == null ? "unknown" : clientAddress);
        String idKey = idNumber.isEmpty() ? null : LoginThrottle.idKey(idNumbers.hash(idNumber));
        refuseIfLocked(ipKey, config.login().maxFailuresPerIp());
        if (idKey != null) {
            refuseIfLocked(idKey, config.login().maxFailuresPerId());
        }
        Captchas.Outcome captcha = captchaId == null ? Captchas.Outcome.EXPIRED_OR_USED : captchas.check(captchaId, captchaAnswer);
        if (captcha != Captchas.Outcome.RIGHT) {
            throttle.recordFailure(ipKey, idKey);
            throw new ApiException(400, captcha == Captchas.Outcome.WRONG ? "CAPTCHA_WRONG" : "CAPTCHA_EXPIRED",
                    captcha == Captchas.Outcome.WRONG ? CAPTCHA_WRONG : CAPTCHA_EXPIRED, "captcha " + captcha);
        }
        if (!IdNumberCheck.valid(idNumber)) {
            throttle.recordFailure(ipKey, idKey);
            throw new ApiException(400, "ID_NUMBER_INVALID", INVALID_ID, "not a GB 11643 citizen identity number");
        }
        Optional<PersonDirectory.Person> found = directory.byIdNumberHash(idNumbers.hash(idNumber));
        if (found.isEmpty()) {
            throttle.recordFailure(ipKey, idKey);
            throw new ApiException(404, "NOT_COLLECTED", CertificationGate.NOT_COLLECTED, "no enrolled person with this ID number");
        }
        PersonDirectory.Person person = found.get();
        if (!person.active()) {
            throw new ApiException(403, "PERSON_INACTIVE", PERSON_INACTIVE, "person status " + person.status());
        }
        CertificationGate.Verdict verdict = states.verdictFor(person.personId());
        String token = tokens.issue(person.personId(), person.bureau());
        return new LoginResult(token, tokens.verify(token).orElseThrow().expiresAt(), person, verdict,
                directory.relativesOf(person.personId()));
    }

    private void refuseIfLocked(String key, int max) {
        throttle.lockedUntil(key, max).ifPresent(until -> {
            String at = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of(config.displayZone())).format(until);
            throw new ApiException(429, "LOGIN_LOCKED", "登录失败次数过多，已暂时锁定，请于" + at + "后再试",
                    "locked until " + until);
        });
    }
}
