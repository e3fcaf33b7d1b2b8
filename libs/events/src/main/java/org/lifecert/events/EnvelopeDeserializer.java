package org.lifecert.events;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer. Throws {@link InvalidEventException} for records that are not valid
 * events; consumers send those to the topic's dead-letter twin ({@link Topics#dlq}) with the
 * exception's message. A null value (tombstone) is returned as null.
 */
public class EnvelopeDeserializer implements Deserializer<Envelope<?>> {

    private final EventCodec codec;

    public EnvelopeDeserializer() {
        this(EventCodec.shared());
    }

    public EnvelopeDeserializer(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public Envelope<?> deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }
}
