package io.coffer.sdk.logical;

/**
 * A logical operation on a path, the verb every backend and policy speaks in.
 *
 * <p>HTTP methods are translated to these at the edge: GET is {@link #READ}, GET with
 * {@code ?list=true} or LIST is {@link #LIST}, POST and PUT are {@link #UPDATE} (turned into
 * {@link #CREATE} when the path's existence check says the target is absent), PATCH is
 * {@link #PATCH}, DELETE is {@link #DELETE}.
 */
public enum Operation {
    CREATE("create"),
    READ("read"),
    UPDATE("update"),
    PATCH("patch"),
    DELETE("delete"),
    LIST("list");

    private final String capability;

    Operation(String capability) {
        this.capability = capability;
    }

    /** The policy capability that authorises this operation, as written in policies. */
    public String capability() {
        return capability;
    }
}
