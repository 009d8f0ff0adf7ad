package io.coffer.cli.command;

import io.coffer.cli.api.ApiException;
import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.output.OutputFormat;

/**
 * One request that writes or deletes data at a path, reported as vault's {@code write}, {@code
 * delete} and {@code kv} commands report it: a failure prints {@code "Error writing data to
 * <path>: <error>"} (or {@code "Error deleting ..."}) and exits 2; an empty answer prints {@code
 * "Success! Data written to: <path>"} (or {@code "... deleted (if it existed) at: ..."}) in
 * table format; any other answer is printed as a secret or its {@code -field}.
 */
public final class ChangeStep {
    private final Invocation inv;
    private final String path;
    private final String failure;
    private final String success;

    private ChangeStep(Invocation inv, String path, String failure, String success) {
        this.inv = inv;
        this.path = path;
        this.failure = failure;
        this.success = success;
    }

    /** A write to {@code path}. */
    public static ChangeStep write(Invocation inv, String path) {
        return new ChangeStep(inv, path, "Error writing data to ", "Success! Data written to: ");
    }

    /** A delete at {@code path}. */
    public static ChangeStep delete(Invocation inv, String path) {
        return new ChangeStep(
                inv, path, "Error deleting ", "Success! Data deleted (if it existed) at: ");
    }

    /** Sends the request and prints its answer. */
    public int run(ApiRequest<Secret> request) throws ClientSetupException, ExitException {
        return print(send(request));
    }

    /**
     * Sends the request and returns its answer, null for none; a failure is reported with the
     * envelope the error carried (a 404 with data or warnings) printed after the message.
     */
    public Secret send(ApiRequest<Secret> request) throws ClientSetupException, ExitException {
        try {
            return request.send(inv.client());
        } catch (ApiException e) {
            inv.ui().error(failure + path + ": " + e.getMessage());
            if (e.secret() != null) {
                inv.printer().outputSecret(e.secret());
            }
            throw new ExitException(ExitCodes.API);
        } catch (ClientException e) {
            throw fail(e);
        }
    }

    /** Like {@link #send}, but a failure is reported by its message alone. */
    public Secret sendWithoutEnvelope(ApiRequest<Secret> request)
            throws ClientSetupException, ExitException {
        try {
            return request.send(inv.client());
        } catch (ClientException e) {
            throw fail(e);
        }
    }

    /** Prints the failure message for {@code e} and returns the exception that ends the command. */
    public ExitException fail(ClientException e) {
        return inv.fail(ExitCodes.API, failure + path + ": " + e.getMessage());
    }

    /** Prints an answer: the success line for none (table format only), else the secret. */
    public int print(Secret secret) {
        if (secret == null) {
            if (inv.format() == OutputFormat.TABLE) {
                inv.ui().info(success + path);
            }
            return ExitCodes.OK;
        }
        return inv.printSecret(secret);
    }
}
