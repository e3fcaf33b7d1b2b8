package org.lifecert.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.notification.plan.Channel;

/**
 * Sends what is due, channel by channel. Each channel has its own timer and its own threads, so an
 * SMTP outage leaves SMS and webhooks going. A row is claimed with a lease, sent outside any
 * transaction, then marked: sent, failed (retry after exponential back-off), dead (dead-letter table),
 * or deferred (quiet hours, rate limit: not a failure). If the process dies between send and mark,
 * the lease runs out and the row is sent again: the far side gets the delivery id as reference
 * (SMS {@code Idempotency-Key}, e-mail/webhook {@code X-LifeCert-Delivery}) to drop the repeat.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final long ROUND_MILLIS = 10_000;

    private final DeliveryStore store;
    private final BureauSettings bureaus;
    private final NotificationConfig.Dispatch config;
    private final NotificationConfig.RateLimit rateLimit;
    private final MeterRegistry registry;
    private final Backoff backoff;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, ExecutorService> pools = new EnumMap<>(Channel.class);

    public Dispatcher(DeliveryStore store, BureauSettings bureaus, NotificationConfig config, MeterRegistry registry,
            Instance<ChannelSender> senders) {
        this.store = store;
        this.bureaus = bureaus;
        this.config = config.dispatch();
        this.rateLimit = config.rateLimit();
        this.registry = registry;
        this.backoff = new Backoff(this.config.backoffBase(), this.config.backoffMax());
        for (ChannelSender sender : senders) {
            this.senders.put(sender.channel(), sender);
            this.pools.put(sender.channel(), Executors.newFixedThreadPool(this.config.parallelism(), r -> {
                Thread t = new Thread(r, "send-" + sender.channel().name().toLowerCase());
                t.setDaemon(true);
                return t;
            }));
        }
    }

    @Scheduled(identity = "dispatch-email", every = "${lifecert.notification.dispatch.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void email() {
        dispatch(Channel.EMAIL);
    }

    @Scheduled(identity = "dispatch-sms", every = "${lifecert.notification.dispatch.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sms() {
        dispatch(Channel.SMS);
    }

    @Scheduled(identity = "dispatch-webhook", every = "${lifecert.notification.dispatch.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void webhook() {
        dispatch(Channel.WEBHOOK);
    }

    /** Sends due deliveries of {@code channel} until none are left or a round's time is up; returns how many were handled. */
    public int dispatch(Channel channel) {
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            return 0;
        }
        long until = System.currentTimeMillis() + ROUND_MILLIS;
        int handled = 0;
        while (System.currentTimeMillis() < until) {
            List<Outgoing> batch;
            try {
                batch = store.claim(channel, config.batchSize(), config.lease());
            } catch (RuntimeException e) {
                LOG.warnf("cannot claim %s deliveries: %s", channel, e.getMessage());
                return handled;
            }
            if (batch.isEmpty()) {
                break;
            }
            // one task per recipient, its messages in order: the rate limit counts what was really sent
            Map<String, List<Outgoing>> byRecipient = new LinkedHashMap<>();
            for (Outgoing message : batch) {
                byRecipient.computeIfAbsent(message.recipientId(), r -> new ArrayList<>()).add(message);
            }
            List<Future<?>> running = new ArrayList<>(byRecipient.size());
            for (List<Outgoing> messages : byRecipient.values()) {
                running.add(pools.get(channel).submit(() -> messages.forEach(m -> deliver(sender, m))));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (Exception e) {
                    LOG.warnf("send task failed: %s", e.getMessage());
                }
            }
            handled += batch.size();
            if (batch.size() < config.batchSize()) {
                break;
            }
        }
        return handled;
    }

    void deliver(ChannelSender sender, Outgoing message) {
        Instant now = Instant.now();
        Optional<Hold> hold = holdFor(message, now);
        if (hold.isPresent()) {
            store.defer(message.id(), hold.get().until(), hold.get().why());
            count(message.channel(), "deferred");
            return;
        }
        try {
            int code = sender.send(message);
            store.markSent(message.id(), code);
            count(message.channel(), "sent");
        } catch (DeliveryFailure failure) {
            failed(message, failure.getMessage(), failure.statusCode());
        } catch (RuntimeException e) {
            failed(message, e.toString(), null);
        }
    }

    private void failed(Outgoing message, String error, Integer statusCode) {
        int failures = message.attempts() + 1;
        if (failures >= config.maxAttempts()) {
            LOG.warnf("delivery %s (%s) dead after %d attempts: %s", message.id(), message.channel(), failures, error);
            store.markDead(message.id(), error, statusCode);
            count(message.channel(), "dead");
        } else {
            store.markFailed(message.id(), error, statusCode, Instant.now().plus(backoff.after(failures)));
            count(message.channel(), "failed");
        }
    }

    /** Why and until when a message must wait: SMS quiet hours of the bureau, the person's rate limit. */
    Optional<Hold> holdFor(Outgoing message, Instant now) {
        if (message.channel() == Channel.SMS) {
            QuietHours quiet = bureaus.quietHours(message.bureau());
            if (quiet.contains(now)) {
                return Optional.of(new Hold(quiet.sendableFrom(now), "deferred: quiet hours of bureau " + message.bureau()));
            }
        }
        if (message.channel() == Channel.SMS || message.channel() == Channel.EMAIL) {
            List<Instant> sent = store.sentSince(message.recipientId(), message.channel(), now.minus(rateLimit.window()));
            if (sent.size() >= rateLimit.maxMessages()) {
                Instant free = sent.get(sent.size() - rateLimit.maxMessages()).plus(rateLimit.window());
                return Optional.of(new Hold(free, "deferred: rate limit of " + rateLimit.maxMessages() + " per "
                        + rateLimit.window()));
            }
        }
        return Optional.empty();
    }

    record Hold(Instant until, String why) {
    }

    private void count(Channel channel, String outcome) {
        registry.counter("lifecert.notification.deliveries", "channel", channel.name(), "outcome", outcome).increment();
    }

    void onStop(@Observes ShutdownEvent event) {
        pools.values().forEach(ExecutorService::shutdownNow);
    }
}
