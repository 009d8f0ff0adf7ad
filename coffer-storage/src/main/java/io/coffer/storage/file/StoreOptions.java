package io.coffer.storage.file;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * The native RocksDB option objects of one open store, built once and released together
 * after the database is closed. The choices and their reasons are documented in
 * {@code docs/storage-formats/file.md}.
 */
final class StoreOptions implements AutoCloseable {
    /** Values at least this long are stored in blob files, not in the table files. */
    static final long MIN_BLOB_SIZE = 256;
    private final PermissionFixingListener listener;
    private final DBOptions db;
    private final BloomFilter bloomFilter;
    private final ColumnFamilyOptions data;
    private final ColumnFamilyOptions meta;
    private final WriteOptions syncWrites;
    private final WriteOptions unsyncedWrites;

    StoreOptions(Path dir) {
        listener = new PermissionFixingListener(dir);
        db = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                // data and applied index live in two column families: flush them together so
                // no older write-ahead log is kept alive by the rarely written one
                .setAtomicFlush(true)
                // a torn tail of the log (a write cut off by the crash, never acknowledged)
                // is dropped; everything synced before it is recovered
                .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery)
                .setParanoidChecks(true)
                .setKeepLogFileNum(10)
                .setStatsDumpPeriodSec(0)
                .setListeners(List.of(listener));
        bloomFilter = new BloomFilter(10);
        data = new ColumnFamilyOptions()
                // values are barrier ciphertext: compressing them costs CPU and saves nothing
                .setCompressionType(CompressionType.NO_COMPRESSION)
                // a Bloom filter over the memtable's keys (10 % of its size): a lookup of an
                // absent key (every write of a new secret checks one) skips the skip-list search
                .setMemtablePrefixBloomSizeRatio(0.1)
                .setMemtableWholeKeyFiltering(true)
                // key-value separation: values of 256 bytes or more (a secret version, most
                // records) go to blob files written once at flush; compaction then rewrites only
                // keys and blob references instead of every ciphertext again and again (it was
                // ~11 % of a node's CPU under write load). Blobs of overwritten or deleted entries
                // are reclaimed when compaction relocates the oldest quarter of blob files.
                .setEnableBlobFiles(true)
                .setMinBlobSize(MIN_BLOB_SIZE)
                .setBlobFileSize(64L << 20)
                .setEnableBlobGarbageCollection(true)
                .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloomFilter));
        meta = new ColumnFamilyOptions();
        syncWrites = new WriteOptions().setSync(true);
        unsyncedWrites = new WriteOptions().setSync(false);
    }

    DBOptions db() {
        return db;
    }

    /** Data (the default column family, the logical keyspace) first, then {@code meta}. */
    List<ColumnFamilyDescriptor> columnFamilies() {
        return List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, data),
                new ColumnFamilyDescriptor(MetaCodec.COLUMN_FAMILY, meta));
    }

    /** Every write goes through the write-ahead log and is fsynced before it returns. */
    WriteOptions syncWrites() {
        return syncWrites;
    }

    /**
     * The write goes through the write-ahead log, handed to the operating system before it
     * returns (it survives the process being killed), but is not fsynced: a power loss or
     * kernel crash may drop the most recent such writes (a suffix, never a part of one).
     */
    WriteOptions unsyncedWrites() {
        return unsyncedWrites;
    }

    @Override
    public void close() {
        syncWrites.close();
        unsyncedWrites.close();
        meta.close();
        data.close();
        bloomFilter.close();
        db.close();
        listener.close();
    }
}
