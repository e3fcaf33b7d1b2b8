package org.lifecert.local.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalMailboxTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private LocalMailbox mailbox;

    @BeforeEach
    void start() throws Exception {
        mailbox = LocalMailbox.start(0, 0);
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    @Test
    void emailSentOverSmtpIsKeptWithItsChineseSubjectAndText() throws Exception {
        send(mail("elder@example.org", "认证成功通知", "您本期已认证成功。\n.这一行以点开头\n下次认证时间：2027年1月"));

        assertThat(mailbox.messages()).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo("EMAIL");
            assertThat(m.to()).isEqualTo("elder@example.org");
            assertThat(m.subject()).isEqualTo("认证成功通知");
            assertThat(m.text().replace("\r\n", "\n"))
                    .isEqualTo("您本期已认证成功。\n.这一行以点开头\n下次认证时间：2027年1月");
        });
    }

    @Test
    void multipartEmailShowsItsPlainTextAndSeveralMessagesShareAConnection() throws Exception {
        Session session = smtpSession();
        MimeMessage alternative = new MimeMessage(session);
        alternative.setFrom("noreply@lifecert.local");
        alternative.setRecipients(Message.RecipientType.TO, "a@example.org");
        alternative.setSubject("提醒", "UTF-8");
        MimeMultipart parts = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("请在本期内完成认证", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>请在本期内完成认证</p>", "text/html; charset=UTF-8");
        parts.addBodyPart(plain);
        parts.addBodyPart(html);
        alternative.setContent(parts);
        alternative.saveChanges();
        MimeMessage second = mail("b@example.org", "第二封", "正文");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(alternative, alternative.getAllRecipients());
            transport.sendMessage(second, second.getAllRecipients());
        }

        assertThat(mailbox.messages()).extracting(LocalMailbox.Message::to, LocalMailbox.Message::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b@example.org", "正文"),
                        org.assertj.core.groups.Tuple.tuple("a@example.org", "请在本期内完成认证"));
    }

    @Test
    void smsInTheGatewayFormatIsAcceptedAndListed() throws Exception {
        HttpResponse<String> accepted = postSms("{\"to\":\"13800000000\",\"text\":\"您本期已认证成功\","
                + "\"sender\":\"LifeCert\",\"reference\":\"d-1\"}");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).path("reference").asText()).isEqualTo("d-1");
        JsonNode listed = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + mailbox.httpPort() + "/messages")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("channel").asText()).isEqualTo("SMS");
        assertThat(listed.get(0).path("to").asText()).isEqualTo("13800000000");
        assertThat(listed.get(0).path("text").asText()).isEqualTo("您本期已认证成功");
        String page = HTTP.send(HttpRequest.newBuilder(URI.create(mailbox.pageUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("13800000000").contains("您本期已认证成功");
    }

    @Test
    void malformedSmsIsRefusedWithAReasonAndNotKept() throws Exception {
        HttpResponse<String> notJson = postSms("to=1380000");
        HttpResponse<String> noText = postSms("{\"to\":\"13800000000\"}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON");
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("to and text are required");
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    void onlyTheNewestMessagesAreKept() throws Exception {
        for (int i = 1; i <= LocalMailbox.KEPT + 5; i++) {
            assertThat(postSms("{\"to\":\"1\",\"text\":\"n" + i + "\"}").statusCode()).isEqualTo(200);
        }

        assertThat(mailbox.receivedCount()).isEqualTo(LocalMailbox.KEPT + 5);
        assertThat(mailbox.messages()).hasSize(LocalMailbox.KEPT);
        assertThat(mailbox.messages().get(0).text()).isEqualTo("n" + (LocalMailbox.KEPT + 5));
        assertThat(mailbox.messages().get(LocalMailbox.KEPT - 1).text()).isEqualTo("n6");
    }

    private HttpResponse<String> postSms(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(mailbox.smsEndpoint()))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Session smtpSession() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mailbox.smtpPort()));
        p.put("mail.smtp.timeout", "5000");
        return Session.getInstance(p);
    }

    private MimeMessage mail(String to, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(smtpSession());
        message.setFrom(new InternetAddress("noreply@lifecert.local"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    private static void send(MimeMessage message) throws Exception {
        Transport.send(message);
    }
}
