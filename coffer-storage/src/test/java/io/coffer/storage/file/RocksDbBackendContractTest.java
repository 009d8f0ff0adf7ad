package io.coffer.storage.file;

import io.coffer.core.storage.StorageContractTest;
import io.coffer.sdk.logical.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class RocksDbBackendContractTest extends StorageContractTest {
    @TempDir
    Path temp;

    @Override
    protected Storage newStorage() {
        return new RocksDbBackend(temp.resolve("store"));
    }

    @AfterEach
    void closeStore() {
        ((RocksDbBackend) storage).close();
    }
}
