package com.wedsync.perf.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What tenants and beacons write reaches Slack as text: no mention, no link, no formatting of theirs. */
class SlackMessageTest {

    @Test
    void shouldEscapeTenantControlledTextSoThatItPingsNobodyAndLinksNowhere() throws Exception {
        Instant now = Instant.parse("2026-06-13T14:00:00Z");
        AlertEvent alert = new AlertEvent("a-1", "fp-1", AlertType.THRESHOLD_BREACH, Severity.HIGH, AlertState.FIRING,
                "studio-<!here>", "/<!channel>", "LCP", 2500.0, 4100.0, 120, now.minusSeconds(60), now,
                "<https://evil.example|wedding>", "LCP p75 on /<!channel> & <@U123> is 4100", null, null, now);
        JsonNode message = new ObjectMapper().valueToTree(
                SlackMessage.of(new Notification("dk-<!everyone>", Notification.Kind.FIRING, "https://perf.example/a-1", alert)));
        String json = message.toString();

        List<String> mrkdwn = new ArrayList<>(List.of(message.get("text").asText()));
        message.findParents("type").stream().filter(node -> node.get("type").asText().equals("mrkdwn"))
                .forEach(node -> mrkdwn.add(node.get("text").asText()));
        assertThat(mrkdwn).hasSizeGreaterThan(7);
        for (String hostile : new String[]{"<!channel>", "<!here>", "<!everyone>", "<@U123>", "<https://evil.example"}) {
            assertThat(mrkdwn).as("no raw %s in any mrkdwn text", hostile).noneMatch(text -> text.contains(hostile));
        }
        assertThat(json).contains("/&lt;!channel&gt;").contains("&amp; &lt;@U123&gt;").contains("&lt;https://evil.example|wedding&gt;");
        assertThat(json).as("our own link stays a link").contains("<https://perf.example/a-1|Open the alert>");
    }
}
