package com.wedsync.perf.alerting;

import static com.wedsync.perf.alerting.AlertApi.awaitAlert;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.event.VictimEvidence;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trend points on the real broker drive alerts through pending, firing and resolved, with one Slack message each. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
@WithTestResource(FakeWebhookResource.class)
class AlertLifecycleTest {

    private final FakeWebhook slack = FakeWebhook.shared();

    @Test
    void shouldFireOnceAfterFiveMinutesOverThresholdAndResolveOnceAfterFiveClearMinutes() throws Exception {
        String tenant = TestData.uniqueTenant("lcp");
        String path = "/slack/" + tenant;
        AlertApi.slackFor(tenant, slack.url(path));

        Instant start = TestData.minutesAgo(30);
        for (int minute = 0; minute < 4; minute++) {
            sendAndAwait(tenant, TestData.lcpMinute(tenant, "/guests", start.plus(Duration.ofMinutes(minute)), 2500, 200));
        }
        Map<String, Object> pending = AlertApi.alerts(tenant).get(0);
        assertThat(pending.get("state")).as("4 minutes over: still pending; %s", AlertApi.detail(pending.get("id")).prettify())
                .isEqualTo("PENDING");
        assertThat(slack.delivered(path)).isEmpty();

        sendAndAwait(tenant, TestData.lcpMinute(tenant, "/guests", start.plus(Duration.ofMinutes(4)), 2600, 200));
        Map<String, Object> firing = awaitAlert(tenant, a -> a.get("state").equals("FIRING"));
        assertThat(firing.get("severity")).isEqualTo("MEDIUM");
        assertThat(((Number) firing.get("actualValue")).doubleValue()).isEqualTo(2600.0);
        assertThat(((Number) firing.get("threshold")).doubleValue()).isEqualTo(2000.0);
        await().atMost(Duration.ofSeconds(15)).until(() -> slack.delivered(path).size() == 1);
        assertThat(slack.delivered(path).get(0).body()).contains("LCP p75 on /guests (mobile) is 2600, over 2000").contains("blocks");

        for (int minute = 5; minute < 9; minute++) {
            sendAndAwait(tenant, TestData.lcpMinute(tenant, "/guests", start.plus(Duration.ofMinutes(minute)), 1500, 200));
        }
        assertThat(AlertApi.alerts(tenant).get(0).get("state")).as("clear for 4 minutes: keeps firing").isEqualTo("FIRING");
        sendAndAwait(tenant, TestData.lcpMinute(tenant, "/guests", start.plus(Duration.ofMinutes(9)), 1500, 200));
        Map<String, Object> resolved = awaitAlert(tenant, a -> a.get("state").equals("RESOLVED"));

        await().atMost(Duration.ofSeconds(15)).until(() -> slack.delivered(path).size() == 2);
        Thread.sleep(1500);
        assertThat(slack.delivered(path)).as("exactly one firing and one resolved message").hasSize(2);
        assertThat(slack.delivered(path).get(1).body()).contains("Resolved");
        assertThat(AlertApi.alerts(tenant)).as("one alert for the whole episode").hasSize(1);
        List<String> states = AlertApi.detail(resolved.get("id")).getList("history.state");
        assertThat(states).containsExactly("PENDING", "FIRING", "RESOLVED");
    }

    @Test
    void shouldHoldEachOperationToItsWeddingDayObjectiveAndNameTheWedding() {
        String tenant = TestData.uniqueTenant("wedding");
        Instant minute = TestData.minutesAgo(10);
        TestData.wedding(tenant, "w-42", minute.plus(Duration.ofHours(1)));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);

        // A 3 s photo upload is well inside its 5 s; a 150 ms timeline sync is 50% over its 100 ms.
        TestData.send(TestData.serverMinute(tenant, "photo_upload", minute, 3000, 100, 0));
        TestData.send(TestData.serverMinute(tenant, "timeline_sync", minute, 125, 100, 0));

        Map<String, Object> alert = awaitAlert(tenant, a -> a.get("state").equals("FIRING"));
        assertThat(alert.get("weddingId")).isEqualTo("w-42");
        assertThat(alert.get("metric")).isEqualTo("timeline_sync");
        assertThat(alert.get("severity")).as("a missed wedding-day objective is critical").isEqualTo("CRITICAL");
        assertThat(((Number) alert.get("threshold")).doubleValue()).isEqualTo(100.0);
        assertThat((String) alert.get("summary")).contains("timeline_sync p95 is 150, over 100 (its wedding-day objective)")
                .contains("wedding w-42 (ceremony ");
        await().atMost(Duration.ofSeconds(15)).until(() -> slack.delivered(FakeWebhookResource.OPS_PATH).stream()
                .anyMatch(r -> r.body().contains(tenant) && r.body().contains("w-42")));
        assertThat(AlertApi.alerts(tenant)).as("none for the photo uploads").extracting(a -> a.get("metric"))
                .containsOnly("timeline_sync");
    }

    @Test
    void shouldRecordButNotSendSilencedAlertsAndLetOpsAcknowledge() {
        String tenant = TestData.uniqueTenant("silenced");
        String path = "/slack/" + tenant;
        AlertApi.slackFor(tenant, slack.url(path));
        io.restassured.path.json.JsonPath rules = AlertApi.rules(tenant, Map.of("forSeconds", 60));
        assertThat(rules.getLong("forSeconds")).as("answered in the shape PUT takes").isEqualTo(60);
        assertThat(rules.getLong("keepFiringForSeconds")).as("default kept").isEqualTo(300);
        assertThat(rules.getList("weddingDayObjectives.operation")).containsExactly("api_request", "guest_list_access",
                "photo_upload", "timeline_sync", "vendor_notification");
        assertThat(rules.getDouble("weddingDayObjectives.find { it.operation == 'timeline_sync' }.latencyMs")).isEqualTo(100.0);
        assertThat(rules.getDouble("ordinaryDayObjectives.find { it.operation == 'timeline_sync' }.latencyMs"))
                .as("a standard tenant's ordinary day: the ladder's first step").isEqualTo(2000.0);
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "metric", "LCP", "minutes", 30, "comment", "known slow CDN"))
                .post("/v1/silences").then().statusCode(201);

        TestData.send(TestData.lcpMinute(tenant, "/photos", TestData.minutesAgo(3), 3500, 100));

        Map<String, Object> alert = awaitAlert(tenant, a -> a.get("state").equals("FIRING"));
        assertThat(alert.get("silencedBy")).isNotNull();
        assertThat(alert.get("severity")).isEqualTo("CRITICAL");
        given().header("Authorization", TestData.OPS).contentType(ContentType.JSON).body(Map.of("note", "on it"))
                .post("/v1/alerts/{id}/ack", alert.get("id")).then().statusCode(200);
        Map<String, Object> acknowledged = AlertApi.alerts(tenant).get(0);
        assertThat(acknowledged.get("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy")).as("the token's name, never a free-text field").isEqualTo("ops");
        assertThat(slack.delivered(path)).as("silenced: recorded, not sent").isEmpty();
        assertThat(slack.delivered(FakeWebhookResource.OPS_PATH)).noneMatch(r -> r.body().contains(tenant));
    }

    @Test
    void shouldRaiseARegressionWhenAnHourIsWorseThanTheSameHourOfTheLastWeek() {
        String tenant = TestData.uniqueTenant("regress");
        Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(1));
        for (int day = 1; day <= 7; day++) {
            TestData.send(TestData.lcpHour(tenant, "/timeline", hour.minus(Duration.ofDays(day)), 1000, 300));
        }
        TrendPoint slower = TestData.lcpHour(tenant, "/timeline", hour, 1300, 300);

        Map<String, Object> alert = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    TestData.send(slower);
                    return AlertApi.alerts(tenant).stream().findFirst().orElse(null);
                }, a -> a != null && a.get("state").equals("FIRING"));

        assertThat(alert.get("type")).isEqualTo("REGRESSION");
        assertThat(((Number) alert.get("actualValue")).doubleValue()).isCloseTo(1300, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(((Number) alert.get("threshold")).doubleValue()).isCloseTo(1100, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(AlertApi.alerts(tenant)).hasSize(1);
    }

    @Test
    void shouldPageWhenTheErrorBudgetBurnsFast() {
        String tenant = TestData.uniqueTenant("slo");
        TestData.send(TestData.serverMinute(tenant, "photo_upload", TestData.minutesAgo(2), 300, 200, 40));

        Map<String, Object> burn = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> AlertApi.alerts(tenant).stream().filter(a -> "SLO_BURN".equals(a.get("type"))).findFirst()
                        .orElse(null), a -> a != null && a.get("state").equals("FIRING"));
        assertThat(burn.get("metric")).isEqualTo("availability");
        assertThat(burn.get("severity")).as("20% errors on a 0.5% budget: 40×, over 1 h and 5 min").isEqualTo("CRITICAL");
        assertThat(((Number) burn.get("actualValue")).doubleValue()).isCloseTo(40, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(AlertApi.alerts(tenant)).as("no latency burn: every request was fast")
                .noneMatch(a -> "latency".equals(a.get("metric")) && "SLO_BURN".equals(a.get("type")));
    }

    @Test
    void shouldTellOpsWhoseLoadIsHurtingOtherTenants() {
        String antagonist = TestData.uniqueTenant("noisy");
        String victim = TestData.uniqueTenant("victim");
        Instant minute = TestData.minutesAgo(2);
        TestData.finding(new InterferenceFinding("f-" + antagonist, victim, antagonist, minute, minute.plusSeconds(60),
                900, 100, List.of(new VictimEvidence(victim, 2400, 400, 0.93)), 30, Instant.now()));

        Map<String, Object> alert = awaitAlert(antagonist, a -> a.get("state").equals("FIRING"));
        assertThat(alert.get("type")).isEqualTo("INTERFERENCE");
        assertThat((String) alert.get("summary")).contains(antagonist).contains(victim).contains("9.0×");
        await().atMost(Duration.ofSeconds(15)).until(() -> slack.delivered(FakeWebhookResource.OPS_PATH).stream()
                .anyMatch(r -> r.body().contains(antagonist) && r.body().contains(victim)));
    }

    /**
     * The antagonist's own token cannot see, acknowledge, resolve or silence the alert that names its victims: it
     * belongs to ops, who still get it although the antagonist silenced all of its own alerts first.
     */
    @Test
    void shouldKeepAnInterferenceAlertFromTheTenantItNames() {
        String antagonist = TestData.uniqueTenant("noisy-own");
        String victim = TestData.uniqueTenant("victim-own");
        String token = TestData.tenantWithTokens(antagonist).write();
        await().atMost(Duration.ofSeconds(30)).until(() -> io.restassured.RestAssured.given().header("Authorization", token)
                .get("/v1/alerts").statusCode() == 200);
        io.restassured.RestAssured.given().header("Authorization", token).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("minutes", 30, "comment", "quiet please")).post("/v1/silences").then().statusCode(201);
        Instant minute = TestData.minutesAgo(2);
        TestData.finding(new InterferenceFinding("f-" + antagonist, victim, antagonist, minute, minute.plusSeconds(60),
                900, 100, List.of(new VictimEvidence(victim, 2400, 400, 0.93)), 30, Instant.now()));

        Map<String, Object> alert = awaitAlert(antagonist, a -> a.get("state").equals("FIRING"));
        await().atMost(Duration.ofSeconds(15)).until(() -> slack.delivered(FakeWebhookResource.OPS_PATH).stream()
                .anyMatch(r -> r.body().contains(antagonist) && r.body().contains(victim)));
        assertThat(io.restassured.RestAssured.given().header("Authorization", token).get("/v1/alerts").then().statusCode(200)
                .extract().jsonPath().getList("type", String.class)).doesNotContain("INTERFERENCE");
        io.restassured.RestAssured.given().header("Authorization", token).get("/v1/alerts/{id}", alert.get("id"))
                .then().statusCode(404);
        for (String action : List.of("ack", "resolve")) {
            io.restassured.RestAssured.given().header("Authorization", token).contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("note", "not me")).post("/v1/alerts/{id}/" + action, alert.get("id")).then().statusCode(404);
        }
        assertThat(AlertApi.detail(alert.get("id")).getString("alert.state")).isEqualTo("FIRING");
    }

    /** Sends one point and waits until the rule has seen it: points of one series are applied in window order. */
    private static void sendAndAwait(String tenant, TrendPoint point) {
        TestData.send(point);
        awaitAlert(tenant, a -> point.windowEnd().toString().equals(a.get("dataThrough")));
    }
}
