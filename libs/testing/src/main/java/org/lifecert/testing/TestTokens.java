package org.lifecert.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Signed RS256 access tokens shaped like the OIDC provider's (Keycloak realm roles, a {@code bureau}
 * claim), verified by the real quarkus-oidc against the public key {@link LifeCertTestResource}
 * configures. The key pair is made once per JVM and kept in system properties, so every class
 * loader signs and verifies with the same one.
 */
public final class TestTokens {

    private static final String PRIVATE = "lifecert.testing.jwt.private";
    private static final String PUBLIC = "lifecert.testing.jwt.public";
    public static final String ISSUER = "lifecert-test";

    private TestTokens() {
    }

    /** Base64 DER of the verification key, the form {@code quarkus.oidc.public-key} takes. */
    public static String publicKey() {
        ensureKeys();
        return System.getProperty(PUBLIC);
    }

    /** A token for a staff member of {@code bureau} with {@code roles}. */
    public static String token(String user, String bureau, String... roles) {
        ensureKeys();
        long now = Instant.now().getEpochSecond();
        String roleList = Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user
                + "\",\"bureau\":\"" + bureau + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"realm_access\":{\"roles\":[" + roleList + "]},\"groups\":[" + roleList + "]}";
        return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payload);
    }

    /** The {@code Authorization} header value. */
    public static String bearer(String user, String bureau, String... roles) {
        return "Bearer " + token(user, bureau, roles);
    }

    private static String sign(String header, String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PRIVATE))));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + b64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign test token", e);
        }
    }

    private static void ensureKeys() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PRIVATE) != null) {
                return;
            }
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make test key pair", e);
            }
        }
    }
}
