package io.coffer.core.barrier;

/** The key given to the barrier does not open its keyring. Carries no detail. */
public final class BarrierKeyException extends Exception {
    public BarrierKeyException() {
        super("barrier key is not valid", null, false, false);
    }
}
