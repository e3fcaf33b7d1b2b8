package org.lifecert.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the service at a local SMTP server (GreenMail) and a local HTTP server standing in for the
 * SMS gateway and the bureaus' webhook receivers, on random free ports. The servers themselves are
 * started by {@link LocalChannels} in the tests' class loader (so tests can read what they received);
 * only the ports cross over, as system properties.
 */
public class LocalChannelsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalChannels.Ports ports = LocalChannels.ports();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(ports.smtp()),
                "quarkus.mailer.mock", "false",
                "lifecert.notification.sms.endpoint", "http://127.0.0.1:" + ports.http() + "/sms",
                "lifecert.notification.sms.username", LocalChannels.SMS_USER,
                "lifecert.notification.sms.password", LocalChannels.SMS_PASSWORD);
    }

    @Override
    public void stop() {
        // servers stop with the JVM
    }
}
