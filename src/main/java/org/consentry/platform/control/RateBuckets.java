package org.consentry.platform.control;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Bucket4j's token buckets stored in rate_bucket, through its extension point for databases with row
 * locks: the algorithm is the library's, only the storage is here. Unlike Bucket4j's own JDBC managers,
 * which take a connection of their own and commit it, this one works on the connection of the caller's
 * transaction (Liberty refuses a commit on a connection enlisted in a JTA transaction): the bucket's
 * row stays locked until that transaction ends, so a token taken for work that then fails is given
 * back by the rollback, and parallel requests for one bucket are served one after the other.
 * The row is locked by an UPDATE rather than SELECT ... FOR UPDATE, whose update lock Derby releases at
 * READ COMMITTED once the cursor moves on; an UPDATE's lock is held to the end on both databases.
 */
final class RateBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    private static final String DUPLICATE_KEY = "23505";

    private final Supplier<Connection> connection;
    private final Jdbc.Dialect dialect;

    RateBuckets(Supplier<Connection> connection, Jdbc.Dialect dialect, Clock clock) {
        super(ClientSideConfig.getDefault()
                .withClientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return Math.multiplyExact(clock.millis(), 1_000_000L);
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO)));
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        return new InCallersTransaction(key);
    }

    /** expires_at is kept for every row (when it would be full again): rows past it may be deleted. */
    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        try (PreparedStatement delete = connection.get().prepareStatement("DELETE FROM rate_bucket WHERE id = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("rate_bucket cannot be deleted", e);
        }
    }

    /** Begin, commit and rollback belong to the caller's transaction: a failure here fails it. */
    private final class InCallersTransaction implements SelectForUpdateBasedTransaction {

        private final String key;

        InCallersTransaction(String key) {
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeout) {
        }

        @Override
        public void rollback() {
        }

        @Override
        public void commit(Optional<Long> timeout) {
        }

        @Override
        public void release() {
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
            try (PreparedStatement lock = connection.get().prepareStatement(
                    "UPDATE rate_bucket SET expires_at = expires_at WHERE id = ?")) {
                lock.setString(1, key);
                applyTimeout(lock, timeout);
                if (lock.executeUpdate() == 0) {
                    return LockAndGetResult.notLocked();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("rate_bucket cannot be locked", e);
            }
            try (PreparedStatement read = connection.get().prepareStatement("SELECT state FROM rate_bucket WHERE id = ?")) {
                read.setString(1, key);
                try (ResultSet row = read.executeQuery()) {
                    return LockAndGetResult.locked(row.next() ? row.getBytes(1) : null);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("rate_bucket cannot be read", e);
            }
        }

        /** True when the row is there now, whoever inserted it: the next attempt locks it. */
        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeout) {
            String sql = dialect == Jdbc.Dialect.POSTGRES
                    ? "INSERT INTO rate_bucket (id) VALUES (?) ON CONFLICT (id) DO NOTHING"
                    : "INSERT INTO rate_bucket (id) VALUES (?)";
            try (PreparedStatement insert = connection.get().prepareStatement(sql)) {
                insert.setString(1, key);
                applyTimeout(insert, timeout);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                // Derby has no ON CONFLICT; a duplicate key there undoes this statement only
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return true;
                }
                throw new IllegalStateException("rate_bucket cannot be inserted", e);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
            long now = currentTimeNanos();
            long expiresAt = Duration.ofNanos(now).toMillis() + getClientSideConfig().getExpirationAfterWriteStrategy()
                    .orElseThrow().calculateTimeToLiveMillis(state, now);
            try (PreparedStatement write = connection.get().prepareStatement(
                    "UPDATE rate_bucket SET state = ?, expires_at = ? WHERE id = ?")) {
                write.setBytes(1, data);
                write.setLong(2, expiresAt);
                write.setString(3, key);
                applyTimeout(write, timeout);
                write.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("rate_bucket cannot be written", e);
            }
        }
    }
}
