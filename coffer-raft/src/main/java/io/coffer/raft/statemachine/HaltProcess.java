package io.coffer.raft.statemachine;

/**
 * The production {@link FailStop}: logs the reason and the cause at ERROR, then halts the JVM
 * with exit status {@value #EXIT_STATUS} without running shutdown hooks (which could try to
 * write through the broken state). Nothing of a stored value reaches the log: the reason names
 * the node and the entry, the cause is a storage or format error.
 */
public final class HaltProcess implements FailStop {
    /** The exit status of a fail-stop halt (EX_SOFTWARE). */
    public static final int EXIT_STATUS = 70;
    private static final System.Logger LOG = System.getLogger(HaltProcess.class.getName());

    @Override
    public void stop(String reason, Throwable cause) {
        LOG.log(System.Logger.Level.ERROR, reason + "; stopping the node (fail-stop) rather than diverge", cause);
        Runtime.getRuntime().halt(EXIT_STATUS);
    }
}
