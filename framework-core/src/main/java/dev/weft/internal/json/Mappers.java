package dev.weft.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Object mappers whose buffers come from one shared pool. Jackson's default pool keeps buffers
 * per thread; workflow code runs on one thread per parked execution, so the default left a few
 * kilobytes of buffers (and a thread-local entry) with every parked execution.
 */
public final class Mappers {
    private Mappers() {}

    /**
     * A new mapper drawing its buffers from a shared pool.
     *
     * @return the mapper
     */
    public static ObjectMapper newMapper() {
        return new ObjectMapper(JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build());
    }
}
