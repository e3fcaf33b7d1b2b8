package org.lifecert.testing;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A race made deterministic: the first transaction has done its work and not committed when the second arrives.
 * The second either finishes at once (it did not wait: the race a lock should have prevented) or waits on a lock;
 * only then is the first committed. PostgreSQL's {@code pg_stat_activity} tells which.
 */
public final class LockRace {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private LockRace() {
    }

    /**
     * @param transaction runs its argument in a new transaction and commits it (e.g. QuarkusTransaction.requiringNew()::run)
     * @param first       the first transaction's work
     * @param second      the competing call (an HTTP request), whose result is returned once the first has committed
     */
    public static <T> T secondWhileFirstHolds(Consumer<Runnable> transaction, Runnable first, Supplier<T> second,
            DataSource dataSource) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            var holder = pool.submit(() -> transaction.accept(() -> {
                first.run();
                done.countDown();
                await(release);
            }));
            if (!done.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                holder.get(1, TimeUnit.SECONDS); // its exception, if it failed
                throw new IllegalStateException("the first transaction did not do its work within " + LIMIT);
            }
            CompletableFuture<T> competing = CompletableFuture.supplyAsync(second);
            long until = System.nanoTime() + LIMIT.toNanos();
            while (!competing.isDone() && backendsWaiting(dataSource) == 0) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("the second call neither finished nor waited on a lock within " + LIMIT);
                }
                Thread.sleep(20);
            }
            release.countDown();
            holder.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            return competing.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** Backends of this server waiting on a lock (a row, a transaction id) right now. */
    public static int backendsWaiting(DataSource dataSource) {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var r = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_activity: " + e.getMessage(), e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
