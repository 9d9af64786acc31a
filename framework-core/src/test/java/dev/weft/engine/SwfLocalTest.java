package dev.weft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.client.SwfClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.DomainInfo;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;

/** The swf-local server as a process: what it prints, that it serves, that SIGTERM stops it. */
@Timeout(60)
final class SwfLocalTest {
    private static Process launch(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.weft.internal.http.SwfLocal"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String stderr(Process p) throws IOException {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLineServesSwfAndStopsCleanlyOnSigterm() throws Exception {
        Process p = launch("--port", "0", "--poll-timeout", "1");
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))")
                    .matcher(line);
            assertTrue(m.matches(), line);
            try (SwfClient swf = SwfClients.forEndpoint(URI.create(m.group(1)))) {
                swf.registerDomain(r -> r.name("local").workflowExecutionRetentionPeriodInDays("1"));
                assertEquals(
                        List.of("local"),
                        swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED)).domainInfos().stream()
                                .map(DomainInfo::name)
                                .toList());
                assertEquals(
                        "",
                        swf.pollForActivityTask(r -> r.domain("local").taskList(l -> l.name("q")))
                                .taskToken());
            }
            // SIGTERM, through the handle: Process.destroy() would also close the streams read below.
            p.toHandle().destroy();
            assertEquals(143, p.waitFor(), "the JVM's exit status after SIGTERM");
            assertNull(out.readLine(), "exactly one line on standard output");
            assertTrue(stderr(p).contains("swf-local: stopped"));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void badArgumentsPrintUsageAndExitWithStatus2() throws Exception {
        Process p = launch("--port", "http");
        assertEquals(2, p.waitFor());
        String err = stderr(p);
        assertTrue(err.startsWith("swf-local: --port must be a whole number, but was 'http'\nusage: swf-local"), err);
        assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsage() throws Exception {
        Process p = launch("--help");
        assertEquals(0, p.waitFor());
        assertTrue(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .startsWith("usage: swf-local [--port N] [--host H] [--poll-timeout SECONDS] [--data DIR]"));
    }
}
