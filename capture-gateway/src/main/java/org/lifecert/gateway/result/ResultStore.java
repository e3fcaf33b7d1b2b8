package org.lifecert.gateway.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.lifecert.events.AppealOpened;
import org.lifecert.events.AttemptFailed;
import org.lifecert.events.PersonCertified;

/**
 * Outcomes of sessions, folded from lifecert.certification.v1; read by the page's result stream.
 * Kept in the database so that whichever replica holds the page's connection sees it.
 */
@ApplicationScoped
public class ResultStore {

    private final EntityManager em;
    private final ResultSignals signals;
    private final TransactionSynchronizationRegistry transactions;

    public ResultStore(EntityManager em, ResultSignals signals, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.signals = signals;
        this.transactions = transactions;
    }

    /** Wakes the session's open result streams on this replica once the caller's transaction has committed. */
    private void signalAfterCommit(UUID sessionId) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signals.changed(sessionId);
                }
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void certified(PersonCertified c) {
        if (c.sessionId() == null) {
            return; // counter, consulate, collection, appeal: no page is waiting
        }
        upsert(c.sessionId(), c.personId(), ResultView.CERTIFIED, null, null, c.nextPeriodStart(), null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(AttemptFailed f) {
        if (f.sessionId() == null) {
            return;
        }
        String outcome = f.attemptNumber() >= 2 ? ResultView.APPEAL_OPENED : ResultView.FAILED;
        upsert(f.sessionId(), f.personId(), outcome, f.attemptNumber(),
                f.reasons() == null ? null : String.join(",", f.reasons()), null, null);
    }

    /** AppealOpened names no session: it belongs to the person's latest one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appealOpened(AppealOpened a) {
        @SuppressWarnings("unchecked")
        List<UUID> latest = em.createNativeQuery(
                "select session_id from capture_session where person_id = :p order by started_at desc limit 1")
                .setParameter("p", a.personId()).getResultList();
        if (latest.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                insert into session_result (session_id, person_id, outcome, appeal_due_date) values (:s, :p, 'APPEAL_OPENED', :due)
                on conflict (session_id) do update set outcome = 'APPEAL_OPENED', appeal_due_date = excluded.appeal_due_date""")
                .setParameter("s", latest.get(0)).setParameter("p", a.personId()).setParameter("due", a.dueDate())
                .executeUpdate();
        signalAfterCommit(latest.get(0));
    }

    private void upsert(UUID sessionId, UUID personId, String outcome, Integer attempt, String reasons, LocalDate next,
            LocalDate due) {
        em.createNativeQuery("""
                insert into session_result (session_id, person_id, outcome, attempt_number, reasons, next_period_start, appeal_due_date)
                values (:s, :p, :o, :a, :r, :n, :d)
                on conflict (session_id) do update set outcome = excluded.outcome, attempt_number = excluded.attempt_number,
                  reasons = excluded.reasons, next_period_start = excluded.next_period_start,
                  appeal_due_date = coalesce(excluded.appeal_due_date, session_result.appeal_due_date)""")
                .setParameter("s", sessionId).setParameter("p", personId).setParameter("o", outcome)
                .setParameter("a", attempt).setParameter("r", reasons).setParameter("n", next).setParameter("d", due)
                .executeUpdate();
        signalAfterCommit(sessionId);
    }

    /** The outcome of a session as the page shows it; PENDING while appeal-service has not decided. */
    @Transactional
    public ResultView view(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.outcome, r.reasons, r.next_period_start, r.appeal_due_date, s.status
                from capture_session s left join session_result r using (session_id) where s.session_id = :s""")
                .setParameter("s", sessionId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        String outcome = (String) r[0];
        List<String> reasons = r[1] == null ? List.of() : Arrays.asList(((String) r[1]).split(","));
        LocalDate next = date(r[2]);
        LocalDate due = date(r[3]);
        if (outcome == null) {
            return "EXPIRED".equals(r[4])
                    ? new ResultView(sessionId, ResultView.EXPIRED, ResultMessages.EXPIRED, null, List.of(), true, null)
                    : new ResultView(sessionId, ResultView.PENDING, ResultMessages.PENDING, null, List.of(), false, null);
        }
        return switch (outcome) {
            case ResultView.CERTIFIED -> new ResultView(sessionId, outcome, ResultMessages.certified(next), next, List.of(),
                    false, null);
            case ResultView.FAILED -> new ResultView(sessionId, outcome, ResultMessages.FAILED, null, reasons, true, null);
            default -> new ResultView(sessionId, ResultView.APPEAL_OPENED, ResultMessages.APPEAL, null, reasons, false, due);
        };
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
