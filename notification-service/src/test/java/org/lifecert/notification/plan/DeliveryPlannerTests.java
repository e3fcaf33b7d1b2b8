package org.lifecert.notification.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryPlannerTests {

    private final DeliveryPlanner planner = new DeliveryPlanner("zh-CN");
    private final UUID person = UUID.randomUUID();

    private Notice notice(MessageKind kind, List<UUID> relatives) {
        return new Notice("e1", "PersonCertified", kind, person, "110000", Map.of(), relatives);
    }

    private Contact contact(UUID id, String language, EnumSet<Channel> channels, boolean active) {
        return new Contact(id, "110000", "张秀英", "13800138000", "z@example.org", language, channels, active);
    }

    @Test
    void recipientGetsEveryChosenReachableChannelAndBureauItsWebhook() {
        var planned = planner.plan(notice(MessageKind.CERTIFIED, List.of()),
                Optional.of(contact(person, "zh-CN", EnumSet.of(Channel.SMS, Channel.EMAIL, Channel.IN_APP), true)),
                List.of(), true);
        assertThat(planned).extracting(PlannedDelivery::channel)
                .containsExactly(Channel.SMS, Channel.EMAIL, Channel.IN_APP, Channel.WEBHOOK);
        assertThat(planned).extracting(p -> p.idempotencyKey("e1")).doesNotHaveDuplicates();
        assertThat(planned.get(3).recipientId()).isEqualTo("bureau:110000");
    }

    @Test
    void unknownPersonIsToldInAppOnlyInTheDefaultLanguage() {
        var planned = planner.plan(notice(MessageKind.DUE, List.of()), Optional.empty(), List.of(), false);
        assertThat(planned).singleElement().satisfies(p -> {
            assertThat(p.channel()).isEqualTo(Channel.IN_APP);
            assertThat(p.language()).isEqualTo("zh-CN");
        });
    }

    @Test
    void preferencesAndMissingAddressesLeaveChannelsOutButNeverInApp() {
        Contact noSms = new Contact(person, "110000", "Li", "13800138000", null, "en", EnumSet.of(Channel.EMAIL), true);
        var planned = planner.plan(notice(MessageKind.REMINDER, List.of()), Optional.of(noSms), List.of(), true);
        assertThat(planned).extracting(PlannedDelivery::channel).containsExactly(Channel.IN_APP);
        assertThat(planned.get(0).language()).isEqualTo("en");
    }

    @Test
    void relativeWhoCertifiedByProxyIsToldToo() {
        UUID relative = UUID.randomUUID();
        var planned = planner.plan(notice(MessageKind.CERTIFIED, List.of(relative)),
                Optional.of(contact(person, "zh-CN", EnumSet.of(Channel.IN_APP), true)),
                List.of(contact(relative, "en", EnumSet.of(Channel.EMAIL, Channel.IN_APP), true)), false);
        assertThat(planned).filteredOn(p -> p.party() == Party.RELATIVE).extracting(PlannedDelivery::channel)
                .containsExactly(Channel.EMAIL, Channel.IN_APP);
        assertThat(planned).filteredOn(p -> p.party() == Party.RELATIVE).allMatch(p -> p.language().equals("en"));
    }

    @Test
    void deceasedPersonGetsNothingButTheBureauStillHears() {
        var planned = planner.plan(notice(MessageKind.OVERDUE, List.of()),
                Optional.of(contact(person, "zh-CN", EnumSet.allOf(Channel.class), false)), List.of(), true);
        assertThat(planned).extracting(PlannedDelivery::party).containsExactly(Party.BUREAU);
    }

    @Test
    void remindersAreNotBureauEvents() {
        var planned = planner.plan(notice(MessageKind.REMINDER, List.of()), Optional.empty(), List.of(), true);
        assertThat(planned).extracting(PlannedDelivery::channel).doesNotContain(Channel.WEBHOOK);
    }
}
