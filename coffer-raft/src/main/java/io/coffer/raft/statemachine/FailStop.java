package io.coffer.raft.statemachine;

/**
 * What a node does when its state machine cannot apply a committed Raft log entry: it must stop
 * rather than skip the entry and diverge from the other nodes. The state machine calls this
 * once, refuses every later entry, and makes Ratis close the server; the production
 * implementation {@link HaltProcess} then halts the JVM so that a supervisor restarts it and
 * an operator looks at the cause. Tests pass a recorder.
 */
@FunctionalInterface
public interface FailStop {

    /**
     * Stops the node.
     *
     * @param reason which node and which log entry (term/index) could not be applied; never a
     *               key or a value
     * @param cause  the failure (a storage error or a malformed entry)
     */
    void stop(String reason, Throwable cause);
}
