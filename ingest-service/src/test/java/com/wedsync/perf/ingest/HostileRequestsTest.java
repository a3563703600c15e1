package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Requests anyone can send without a key: what they leave behind in the service stays bounded. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class HostileRequestsTest {

    @Inject
    RejectionLog rejections;

    @Test
    void shouldCountRefusalsOfRandomPathsUnderTheirEndpointNotTheirPath() {
        int before = rejections.classes();
        for (int i = 0; i < 300; i++) {
            given().contentType(ContentType.JSON).body("{}").put("/v1/weddings/{id}", UUID.randomUUID().toString())
                    .then().statusCode(401);
        }
        assertThat(rejections.classes() - before).as("one class: WeddingResource's method and 'unauthorized'")
                .isLessThanOrEqualTo(1);
    }
}
