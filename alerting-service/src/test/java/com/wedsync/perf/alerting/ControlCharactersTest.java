package com.wedsync.perf.alerting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A NUL or an escape sequence in what a client sends is a 400 that says so, never a 500 from PostgreSQL. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
class ControlCharactersTest {

    @Test
    void shouldRefuseANulInASilenceCommentAsBadInput() {
        String tenant = TestData.uniqueTenant("nul");
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON)
                .body("{\"tenant\":\"" + tenant + "\",\"minutes\":30,\"comment\":\"maintenance\\u0000window\"}")
                .post("/v1/silences").then().statusCode(400)
                .body("error", is("invalid_text")).body("detail", containsString("comment"));
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON)
                .body("{\"tenant\":\"" + tenant + "\",\"minutes\":30,\"comment\":\"\\u001b[31mred\"}")
                .post("/v1/silences").then().statusCode(400).body("error", is("invalid_text"));
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON)
                .body("{\"tenant\":\"" + tenant + "\",\"minutes\":30,\"comment\":\"two\\nlines\\tand a tab\"}")
                .post("/v1/silences").then().statusCode(201);
    }

    @Test
    void shouldRefuseControlCharactersInPathsAndQueryParameters() {
        given().header("Authorization", TestData.OPS).urlEncodingEnabled(false).get("/v1/alerts?tenant=a%00b")
                .then().statusCode(400).body("error", is("invalid_text"));
        given().header("Authorization", TestData.OPS).urlEncodingEnabled(false).get("/v1/alerts/x%0Ay")
                .then().statusCode(400).body("error", is("invalid_text"));
    }
}
