package io.coffer.core.barrier;

import io.coffer.core.physical.InmemBackend;
import io.coffer.core.storage.StorageContractTest;
import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.Storage;

import java.security.SecureRandom;
import java.time.Clock;

class AesGcmBarrierContractTest extends StorageContractTest {
    @Override
    protected Storage newStorage() {
        AesGcmBarrier barrier = new AesGcmBarrier(new InmemBackend(), new SecureRandom(), Clock.systemUTC());
        try (SecretBytes root = SecretBytes.random(new SecureRandom(), 32)) {
            barrier.initialize(root);
            barrier.unseal(root);
        } catch (BarrierKeyException e) {
            throw new AssertionError(e);
        }
        return new BarrierView(barrier, "logical/test/");
    }
}
