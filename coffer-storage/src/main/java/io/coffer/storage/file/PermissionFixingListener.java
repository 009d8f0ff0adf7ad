package io.coffer.storage.file;

import org.rocksdb.AbstractEventListener;
import org.rocksdb.CompactionJobInfo;
import org.rocksdb.FlushJobInfo;
import org.rocksdb.RocksDB;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * A RocksDB event listener that re-applies owner-only modes to the store directory after
 * each flush and compaction, the moments RocksDB creates table files and new write-ahead
 * logs. Never throws back into RocksDB: a failure is logged (path only) and retried on the
 * next event and on close.
 */
final class PermissionFixingListener extends AbstractEventListener {
    private static final Logger LOG = System.getLogger(PermissionFixingListener.class.getName());

    private final Path dir;

    PermissionFixingListener(Path dir) {
        super(EnabledEventCallback.ON_FLUSH_COMPLETED, EnabledEventCallback.ON_COMPACTION_COMPLETED);
        this.dir = dir;
    }

    @Override
    public void onFlushCompleted(RocksDB db, FlushJobInfo info) {
        tighten();
    }

    @Override
    public void onCompactionCompleted(RocksDB db, CompactionJobInfo info) {
        tighten();
    }

    private void tighten() {
        try {
            OwnerOnlyPermissions.tighten(dir);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not set owner-only permissions under " + dir + ": " + e);
        }
    }
}
