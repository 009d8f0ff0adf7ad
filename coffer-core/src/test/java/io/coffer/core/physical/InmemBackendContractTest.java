package io.coffer.core.physical;

import io.coffer.core.storage.StorageContractTest;
import io.coffer.sdk.logical.Storage;

class InmemBackendContractTest extends StorageContractTest {
    @Override
    protected Storage newStorage() {
        return new InmemBackend();
    }
}
