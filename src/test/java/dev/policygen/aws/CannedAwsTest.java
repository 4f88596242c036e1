package dev.policygen.aws;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** An adapter test against a fresh {@link CannedAwsServer}, with the SDK services pointed at it. */
abstract class CannedAwsTest {
    CannedAwsServer server;
    SdkAwsServices aws;

    @BeforeEach
    void startServer() throws Exception {
        server = new CannedAwsServer();
        aws = server.services();
    }

    @AfterEach
    void stopServer() {
        aws.close();
        server.close();
    }
}
