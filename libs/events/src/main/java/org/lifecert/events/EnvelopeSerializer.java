package org.lifecert.events;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer: the envelope as validated UTF-8 JSON. A null envelope is a tombstone.
 * Throws {@link InvalidEventException} rather than publish an event that violates its schema.
 */
public class EnvelopeSerializer implements Serializer<Envelope<?>> {

    private final EventCodec codec;

    public EnvelopeSerializer() {
        this(EventCodec.shared());
    }

    public EnvelopeSerializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, Envelope<?> envelope) {
        return envelope == null ? null : codec.encodeBytes(envelope);
    }
}
