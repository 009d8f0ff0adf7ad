/**
 * The snapshot file of integrated Raft storage ({@code sys/storage/raft/snapshot}): a gzip'd tar
 * holding {@code meta.json}, {@code state.bin} and {@code SHA256SUMS}, written by
 * {@link io.coffer.raft.snapshot.SnapshotArchive#write} and verified completely by
 * {@link io.coffer.raft.snapshot.SnapshotArchive#read}; documented in
 * {@code docs/storage-formats/raft-snapshot.md}.
 */
package io.coffer.raft.snapshot;
