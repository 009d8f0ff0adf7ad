package io.coffer.raft.statemachine;

/**
 * What a {@link CofferStateMachine} tells its owner about, from Ratis's threads. Implementations
 * must return at once (hand the work to a thread of their own) and must not throw; the state
 * machine catches and logs anything they throw anyway.
 */
public interface StateMachineListener {

    /** A listener that ignores every event. */
    StateMachineListener NONE = new StateMachineListener() {
    };

    /**
     * Leadership may have changed: a new leader became known, this node became a ready leader, or
     * it stopped leading.
     */
    default void leadershipChanged() {
    }

    /**
     * The whole store was replaced, by a restored snapshot (a replace-store entry at log index
     * {@code index}) or by a snapshot installed from the leader; caches derived from it are stale.
     */
    default void storeReplaced(long index) {
    }
}
