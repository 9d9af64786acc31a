package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.engine.SwfEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class EngineTourTest {
    @Test
    void greetsEveryName() throws InterruptedException {
        try (SwfEngine swf = SwfEngine.builder().build()) {
            Map<String, String> results = EngineTour.run(swf, List.of("Ada", "Linus"));
            assertEquals(Map.of("greeting-Ada", "Hello, Ada!", "greeting-Linus", "Hello, Linus!"), results);
        }
    }
}
