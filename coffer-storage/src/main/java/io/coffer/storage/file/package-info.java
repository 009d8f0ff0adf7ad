/**
 * The durable single-node physical storage {@code storage "file"}: an embedded RocksDB
 * database under one directory, every write synced before it returns, files readable by the
 * owner only. {@link io.coffer.storage.file.RocksDbBackend} is also the durable store the Raft
 * state machine applies its batches to ({@link io.coffer.storage.file.RocksDbBackend#apply}).
 * The on-disk layout is documented in {@code docs/storage-formats/file.md}.
 */
package io.coffer.storage.file;
