package org.lifecert.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifecert.local.mailbox.LocalMailbox;

class MailboxConfigurationTests {

    @Test
    void notificationsGoToTheLocalMailboxUnlessTheEnvironmentNamesRealServers() throws Exception {
        try (LocalMailbox mailbox = LocalMailbox.start(0, 0)) {
            assertThat(LocalStack.mailboxConfiguration(mailbox, Map.of())).containsExactly(
                    Map.entry("quarkus.mailer.host", "127.0.0.1"),
                    Map.entry("quarkus.mailer.port", String.valueOf(mailbox.smtpPort())),
                    Map.entry("lifecert.notification.sms.endpoint", mailbox.smsEndpoint()));

            assertThat(LocalStack.mailboxConfiguration(mailbox, Map.of("LIFECERT_SMTP_HOST", "mail.bureau.example")))
                    .containsOnlyKeys("lifecert.notification.sms.endpoint");
            assertThat(LocalStack.mailboxConfiguration(mailbox, Map.of("LIFECERT_SMTP_HOST", "smtp",
                    "LIFECERT_SMS_ENDPOINT", "https://sms.bureau.example/send"))).isEmpty();
        }
    }
}
