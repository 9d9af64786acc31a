package dev.weft.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.swf.SwfClient;

/**
 * Builds the AWS SDK's {@link SwfClient}, the transport Weft uses to reach SWF, with a socket
 * timeout that long polls survive: SWF holds a poll for up to 60 seconds and asks clients to wait
 * at least 70.
 *
 * <pre>{@code
 * SwfClient aws = SwfClients.forRegion("eu-west-1");                            // Amazon SWF
 * SwfClient local = SwfClients.forEndpoint(URI.create("http://127.0.0.1:8080")); // ./swf-local
 * }</pre>
 *
 * <p>The clients use the SDK's URL-connection HTTP client, and the SDK's usual retries. Close them
 * when done.
 */
public final class SwfClients {
    /** The socket timeout of the clients built here: 70 seconds, as SWF asks of long-polling clients. */
    public static final Duration LONG_POLL_SOCKET_TIMEOUT = Duration.ofSeconds(70);

    /**
     * The credentials {@link #forEndpoint(URI)} signs with: a local endpoint does not check them.
     */
    private static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private SwfClients() {}

    /**
     * A client of Amazon SWF in a region, with the SDK's default credentials chain (environment,
     * system properties, profile, container or instance role).
     *
     * @param region a region name, such as {@code us-east-1}
     * @return a new client
     */
    public static SwfClient forRegion(String region) {
        Objects.requireNonNull(region, "region");
        return SwfClient.builder()
                .region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(httpClient())
                .build();
    }

    /**
     * A client of a local SWF endpoint, such as {@code ./swf-local} or {@link
     * dev.weft.engine.SwfHttpServer}: region {@code us-east-1}, placeholder credentials.
     *
     * @param endpoint the endpoint URL, such as {@code http://127.0.0.1:8080}
     * @return a new client
     */
    public static SwfClient forEndpoint(URI endpoint) {
        return forEndpoint(endpoint, "us-east-1", LOCAL_CREDENTIALS);
    }

    /**
     * A client of any SWF endpoint (a proxy, a VPC endpoint, another region's URL).
     *
     * @param endpoint the endpoint URL
     * @param region the region to sign requests for
     * @param credentials the credentials to sign with
     * @return a new client
     */
    public static SwfClient forEndpoint(URI endpoint, String region, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        return SwfClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(httpClient())
                .build();
    }

    private static UrlConnectionHttpClient.Builder httpClient() {
        return UrlConnectionHttpClient.builder().socketTimeout(LONG_POLL_SOCKET_TIMEOUT);
    }
}
