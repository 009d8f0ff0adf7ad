/**
 * The Ratis state machine of a Coffer node: {@link io.coffer.raft.statemachine.CofferStateMachine}
 * applies committed mutation batches, in log order, to the node's RocksDB store
 * ({@link io.coffer.storage.file.RocksDbBackend}) together with their term/index; the store
 * is the snapshot (a RocksDB checkpoint), and a follower that is too far behind replaces its
 * store with the leader's checkpoint. Failing to apply an entry stops the node
 * ({@link io.coffer.raft.statemachine.FailStop}).
 */
package io.coffer.raft.statemachine;
