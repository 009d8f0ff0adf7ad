/**
 * The payload of a Coffer Raft log entry: a versioned binary encoding of one batch of
 * put/delete {@link io.coffer.storage.file.Mutation}s, documented in
 * {@code docs/storage-formats/raft.md}.
 */
package io.coffer.raft.log;
