package io.coffer.raft;

import io.coffer.raft.statemachine.FailStop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link FailStop} for tests: records each call instead of halting the JVM. */
public final class RecordingFailStop implements FailStop {
    private final List<String> reasons = new CopyOnWriteArrayList<>();

    @Override
    public void stop(String reason, Throwable cause) {
        reasons.add(reason);
    }

    public List<String> reasons() {
        return List.copyOf(reasons);
    }
}
