package com.wedsync.perf.alerting;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the shared {@link FakeWebhook} and makes it the ops Slack channel. */
public class FakeWebhookResource implements QuarkusTestResourceLifecycleManager {

    public static final String OPS_PATH = "/slack/ops";

    @Override
    public Map<String, String> start() {
        return Map.of("alerting.delivery.ops-slack-webhook", FakeWebhook.shared().url(OPS_PATH));
    }

    @Override
    public void stop() {
        // the server is a daemon of the test JVM
    }
}
