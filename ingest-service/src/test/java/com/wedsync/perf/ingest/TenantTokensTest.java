package com.wedsync.perf.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import com.wedsync.perf.model.event.AuditEvent;
import com.wedsync.perf.model.topic.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's admin token issues, rotates and revokes the tenant's tokens; no other token can. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TenantTokensTest {

    @Test
    void shouldIssueANamedWriteTokenThatWorksAndIsListedWithoutItsSecret() {
        TestTenants.Registered tenant = TestTenants.register("tokens");

        String token = given().header("Authorization", "Bearer " + tenant.adminToken()).contentType(ContentType.JSON)
                .body("{\"name\": \"ci-bot\", \"scope\": \"write\"}")
                .when().post("/v1/tenants/" + tenant.id() + "/tokens")
                .then().statusCode(201).body("name", equalTo("ci-bot")).body("scope", equalTo("write"))
                .body("token", startsWith("wt_")).extract().path("token");

        given().header("Authorization", "Bearer " + token).when().get("/v1/tenants/" + tenant.id() + "/usage")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + tenant.adminToken()).when().get("/v1/tenants/" + tenant.id() + "/tokens")
                .then().statusCode(200).body("name", hasItem("ci-bot")).body("token", not(hasItem(token)))
                .body("find { it.name == 'ci-bot' }.token", equalTo(null));
    }

    @Test
    void shouldStopTheOldSecretWhenATokenIsRotatedAndEveryoneWhenRevoked() {
        TestTenants.Registered tenant = TestTenants.register("rotate");
        String admin = "Bearer " + tenant.adminToken();

        String renewed = given().header("Authorization", admin).when()
                .post("/v1/tenants/" + tenant.id() + "/tokens/read/rotate")
                .then().statusCode(200).body("scope", equalTo("read")).extract().path("token");

        given().header("Authorization", "Bearer " + tenant.readToken()).when().get("/v1/tenants/" + tenant.id() + "/usage")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + renewed).when().get("/v1/tenants/" + tenant.id() + "/usage")
                .then().statusCode(200);
        given().header("Authorization", admin).when().delete("/v1/tenants/" + tenant.id() + "/tokens/read")
                .then().statusCode(204);
        given().header("Authorization", "Bearer " + renewed).when().get("/v1/tenants/" + tenant.id() + "/usage")
                .then().statusCode(401);
    }

    @Test
    void shouldRefuseTokenManagementToWriteTokensAndToOtherTenantsAdmins() {
        TestTenants.Registered tenant = TestTenants.register("guarded");
        TestTenants.Registered other = TestTenants.register("other");
        String issue = "{\"name\": \"sneaky\", \"scope\": \"admin\"}";

        given().header("Authorization", "Bearer " + tenant.writeToken()).contentType(ContentType.JSON).body(issue)
                .when().post("/v1/tenants/" + tenant.id() + "/tokens")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
        given().header("Authorization", "Bearer " + other.adminToken()).contentType(ContentType.JSON).body(issue)
                .when().post("/v1/tenants/" + tenant.id() + "/tokens")
                .then().statusCode(404);
        given().header("Authorization", "Bearer " + tenant.serverKey()).contentType(ContentType.JSON).body(issue)
                .when().post("/v1/tenants/" + tenant.id() + "/tokens")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));
    }

    @Test
    void shouldKeepTheLastAdminTokenAndExplainBadRequests() {
        TestTenants.Registered tenant = TestTenants.register("lockout");
        String admin = "Bearer " + tenant.adminToken();

        given().header("Authorization", admin).when().delete("/v1/tenants/" + tenant.id() + "/tokens/admin")
                .then().statusCode(409).body("error", equalTo("last_admin_token"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"name\": \"write\", \"scope\": \"read\"}")
                .when().post("/v1/tenants/" + tenant.id() + "/tokens")
                .then().statusCode(409).body("error", equalTo("token_exists"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"name\": \"Bad Name\", \"scope\": \"read\"}")
                .when().post("/v1/tenants/" + tenant.id() + "/tokens")
                .then().statusCode(400).body("error", equalTo("invalid_token_name"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"name\": \"x\", \"scope\": \"root\"}")
                .when().post("/v1/tenants/" + tenant.id() + "/tokens")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
        given().header("Authorization", admin).when().post("/v1/tenants/" + tenant.id() + "/tokens/nobody/rotate")
                .then().statusCode(404);
    }

    @Test
    void shouldAuditTenantAndTokenChangesWithTheActingTokenAndNoSecret() {
        try (TopicReader<String, AuditEvent> audit = TopicReader.fromNow(Topics.AUDIT)) {
            TestTenants.Registered tenant = TestTenants.register("audited");
            String secret = given().header("Authorization", "Bearer " + tenant.adminToken()).contentType(ContentType.JSON)
                    .body("{\"name\": \"deploy-bot\", \"scope\": \"write\"}")
                    .when().post("/v1/tenants/" + tenant.id() + "/tokens").then().statusCode(201).extract().path("token");

            List<AuditEvent> events = audit.awaitRecords(records -> records.stream()
                    .filter(r -> tenant.id().equals(r.key())).count() >= 2, Duration.ofSeconds(20)).stream()
                    .filter(r -> tenant.id().equals(r.key())).map(ConsumerRecord::value).toList();

            assertThat(events).extracting(AuditEvent::action).containsExactly("register_tenant", "issue_token");
            assertThat(events).extracting(AuditEvent::actor).containsExactly("ops", tenant.id() + "/admin");
            assertThat(events.get(1).subject()).isEqualTo("deploy-bot");
            assertThat(events.get(1).after()).contains("deploy-bot", "write");
            assertThat(events).allSatisfy(event -> assertThat(event.service()).isEqualTo("ingest-service"));
            assertThat(events.toString()).as("no secret and no hash in the audit log")
                    .doesNotContain(secret, tenant.adminToken(), tenant.serverKey(), "sha256:");
        }
    }
}
