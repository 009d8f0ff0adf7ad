package io.coffer.sdk.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.NotFoundException;
import io.coffer.sdk.logical.exception.OperationNotSupportedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FrameworkBackendTest {

    /** A request already routed to mount {@code m/}. */
    private static Request request(Operation op, String relative, Map<String, Object> data) {
        return Request.of("req-1", op, "m/" + relative, data).routedTo("m/", null);
    }

    /** A handler answering {@code {"handler": name, "name": <field name>}}. */
    private static OperationHandler answering(String name) {
        return (req, data) -> Response.of(Map.of("handler", name, "name", data.getString("name")));
    }

    @Test
    void handleRequest_unmatchedPath_notFoundUnsupportedPath() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("known").operation(Operation.READ, answering("r")).build()));

        assertThatThrownBy(() -> backend.handleRequest(request(Operation.READ, "unknown", Map.of())))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("unsupported path");
    }

    @Test
    void handleRequest_operationWithoutHandler_operationNotSupported() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("known").operation(Operation.READ, answering("r")).build()));

        assertThatThrownBy(() -> backend.handleRequest(request(Operation.DELETE, "known", Map.of())))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessage("unsupported operation");
    }

    @Test
    void handleRequest_createWithoutCreateHandler_fallsBackToUpdate() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("items/{name}")
                .field("name", FieldType.STRING, "")
                .operation(Operation.UPDATE, answering("update"))
                .build()));

        Response r = backend.handleRequest(request(Operation.CREATE, "items/a", Map.of()));

        assertThat(r.data()).containsEntry("handler", "update");
    }

    @Test
    void handleRequest_createWithCreateHandler_usesIt() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("items/{name}")
                .field("name", FieldType.STRING, "")
                .operation(Operation.CREATE, answering("create"))
                .operation(Operation.UPDATE, answering("update"))
                .build()));

        assertThat(backend.handleRequest(request(Operation.CREATE, "items/a", Map.of())).data()).containsEntry("handler", "create");
        assertThat(backend.handleRequest(request(Operation.UPDATE, "items/a", Map.of())).data()).containsEntry("handler", "update");
    }

    @Test
    void handleRequest_updateWithOnlyCreateHandler_operationNotSupported() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("items")
                .operation(Operation.CREATE, answering("create"))
                .build()));

        assertThatThrownBy(() -> backend.handleRequest(request(Operation.UPDATE, "items", Map.of())))
                .isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    void handleRequest_captureAndBodyFieldOfSameName_captureWins() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("items/{name}")
                .field("name", FieldType.STRING, "")
                .field("extra", FieldType.STRING, "")
                .operation(Operation.UPDATE, (req, data) -> Response.of(Map.of(
                        "name", data.getString("name"), "extra", data.getString("extra"))))
                .build()));

        Response r = backend.handleRequest(request(Operation.UPDATE, "items/from-path",
                Map.of("name", "from-body", "extra", "kept")));

        assertThat(r.data()).containsEntry("name", "from-path").containsEntry("extra", "kept");
    }

    @Test
    void handleRequest_handlerReturnsNull_noContent() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("x").operation(Operation.DELETE, (req, data) -> null).build()));

        Response r = backend.handleRequest(request(Operation.DELETE, "x", Map.of()));

        assertThat(r.isEmpty()).isTrue();
    }

    @Test
    void handleRequest_severalPathsMatch_firstDeclaredWins() {
        FrameworkBackend backend = new FrameworkBackend(List.of(
                Path.builder("items/special").field("name", FieldType.STRING, "").operation(Operation.READ, answering("special")).build(),
                Path.builder("items/{name}").field("name", FieldType.STRING, "").operation(Operation.READ, answering("generic")).build()));

        assertThat(backend.handleRequest(request(Operation.READ, "items/special", Map.of())).data()).containsEntry("handler", "special");
        assertThat(backend.handleRequest(request(Operation.READ, "items/other", Map.of())).data())
                .containsEntry("handler", "generic").containsEntry("name", "other");
    }

    @Test
    void handleRequest_requestPassedThrough_handlerSeesRelativePathAndData() {
        List<Request> seen = new ArrayList<>();
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("x").operation(Operation.READ, (req, data) -> {
            seen.add(req);
            return Response.noContent();
        }).build()));
        Request req = request(Operation.READ, "x", Map.of("q", "1"));

        backend.handleRequest(req);

        assertThat(seen).containsExactly(req);
    }

    @Test
    void exists_pathWithCheck_answersCheckWithCapturedFields() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("items/{name}")
                .field("name", FieldType.STRING, "")
                .write(answering("w"))
                .existenceCheck((req, data) -> data.getString("name").equals("present"))
                .build()));

        assertThat(backend.exists(request(Operation.UPDATE, "items/present", Map.of("name", "ignored")))).contains(true);
        assertThat(backend.exists(request(Operation.UPDATE, "items/absent", Map.of("name", "present")))).contains(false);
    }

    @Test
    void exists_pathWithoutCheck_empty() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("x").write(answering("w")).build()));

        assertThat(backend.exists(request(Operation.UPDATE, "x", Map.of()))).isEmpty();
    }

    @Test
    void exists_unmatchedPath_emptySoThatAuthorisationRunsFirst() {
        FrameworkBackend backend = new FrameworkBackend(List.of(Path.builder("x").write(answering("w")).build()));

        assertThat(backend.exists(request(Operation.UPDATE, "nope", Map.of()))).isEmpty();
    }

    @Test
    void paths_returnsDeclarationOrderImmutably() {
        Path a = Path.builder("a").build();
        Path b = Path.builder("b").build();
        List<Path> declared = new ArrayList<>(List.of(a, b));
        FrameworkBackend backend = new FrameworkBackend(declared);
        declared.clear();

        assertThat(backend.paths()).containsExactly(a, b);
        assertThatThrownBy(() -> backend.paths().add(a)).isInstanceOf(UnsupportedOperationException.class);
    }
}
