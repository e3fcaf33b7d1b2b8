package org.lifecert.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;

/**
 * Writes events into the outbox table inside the caller's transaction, so that an event is
 * published if and only if the state change that it announces commits (debezium-examples/outbox).
 */
@ApplicationScoped
public class Outbox {

    /** Rows per multi-row insert: 5 parameters each, far below PostgreSQL's 65,535 bind limit. */
    static final int ROWS_PER_INSERT = 500;

    private final EntityManager entityManager;
    private final EventCodec codec = EventCodec.shared();

    public Outbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Validates and stores the event; it reaches {@link Envelope#topic()} once the transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Envelope<?> event) {
        publishAll(List.of(event));
    }

    /**
     * Same as {@link #publish} for each event, in iteration order, with one multi-row insert per
     * {@value #ROWS_PER_INSERT} events instead of one statement per event. Every event is validated
     * before anything is written: one invalid event throws and stores none of them (and the
     * caller's transaction decides about the rest).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(Collection<? extends Envelope<?>> events) {
        List<Row> rows = new ArrayList<>(events.size());
        for (Envelope<?> event : events) {
            rows.add(new Row(event, codec.encode(event)));
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            insert(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
        }
    }

    private void insert(List<Row> rows) {
        StringBuilder sql = new StringBuilder(
                "insert into outbox_event (id, aggregatetype, aggregateid, type, payload) values ");
        for (int i = 0; i < rows.size(); i++) {
            int p = i * 5;
            sql.append(i == 0 ? "(" : ", (").append('?').append(p + 1).append(", ?").append(p + 2).append(", ?")
                    .append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5).append(')');
        }
        Query insert = entityManager.createNativeQuery(sql.toString());
        int position = 1;
        for (Row row : rows) {
            insert.setParameter(position++, row.event().id());
            insert.setParameter(position++, row.event().topic());
            insert.setParameter(position++, row.event().partitionKey());
            insert.setParameter(position++, row.event().type());
            insert.setParameter(position++, row.payload());
        }
        insert.executeUpdate();
    }

    private record Row(Envelope<?> event, String payload) {
    }
}
