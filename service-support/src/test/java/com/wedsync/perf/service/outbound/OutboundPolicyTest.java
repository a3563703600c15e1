package com.wedsync.perf.service.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.perf.service.api.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which configured URLs our servers call: literal addresses and names that resolve here, no network needed. */
class OutboundPolicyTest {

    private final OutboundPolicy policy = new OutboundPolicy(Optional.of("127.0.0.1:9999, hooks.internal ,10.20.0.0/16"));

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost/x", "https://127.0.0.1/x", "https://127.0.0.1:9998/x", "https://[::1]/x",
            "https://169.254.169.254/latest/meta-data/", "https://[fe80::1]/x", "https://10.0.0.5/x", "https://172.16.3.4/x",
            "https://192.168.1.1/x", "https://[fd12:3456::1]/x", "https://224.0.0.251/x", "https://0.0.0.0/x",
            "https://100.64.1.1/x", "https://[::ffff:10.0.0.1]/x", "https://[64:ff9b::7f00:1]/x", "https://255.255.255.255/x"})
    void shouldRefuseAddressesOffThePublicInternet(String url) {
        assertThatThrownBy(() -> policy.checkBeforeCall(url, Destination.WEBHOOK))
                .isInstanceOf(DestinationRefused.class).hasMessageContaining("address");
        assertThatThrownBy(() -> policy.acceptConfigured(url, Destination.WEBHOOK, "webhookUrl"))
                .isInstanceOf(ApiException.class).hasMessageNotContaining(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/x", "ftp://93.184.216.34/x", "https://user:pw@93.184.216.34/x", "not a url",
            "https:///nohost", "file:///etc/passwd"})
    void shouldRefuseWhatIsNotAPlainHttpsUrl(String url) {
        assertThatThrownBy(() -> policy.checkBeforeCall(url, Destination.WEBHOOK)).isInstanceOf(DestinationRefused.class);
    }

    @Test
    void shouldCallPublicAddressesAndWhatOpsAllowed() throws Exception {
        assertThat(policy.checkBeforeCall("https://93.184.216.34/hook", Destination.WEBHOOK)).hasHost("93.184.216.34");
        assertThat(policy.checkBeforeCall("http://127.0.0.1:9999/sink", Destination.SLACK))
                .as("allowed host and port, http too").hasPort(9999);
        assertThat(policy.checkBeforeCall("https://10.20.3.4/hook", Destination.WEBHOOK)).as("an allowed network").isNotNull();
        assertThatThrownBy(() -> policy.checkBeforeCall("https://10.21.3.4/hook", Destination.WEBHOOK))
                .as("outside the allowed network").isInstanceOf(DestinationRefused.class);
        assertThatThrownBy(() -> policy.checkBeforeCall("http://localhost:9999/sink", Destination.WEBHOOK))
                .as("another name for an allowed address is not allowed").isInstanceOf(DestinationRefused.class);
    }

    @Test
    void shouldTakeSlackWebhooksOnlyOnSlacksHost() {
        assertThat(policy.acceptConfigured("https://hooks.slack.com/services/T0/B0/x", Destination.SLACK, "slack"))
                .hasHost("hooks.slack.com");
        assertThatThrownBy(() -> policy.acceptConfigured("https://93.184.216.34/services/T0/B0/x", Destination.SLACK,
                "slack")).isInstanceOf(ApiException.class).hasMessageContaining("hooks.slack.com");
        assertThatThrownBy(() -> policy.checkBeforeCall("https://hooks.slack.com.evil.example/x", Destination.SLACK))
                .isInstanceOf(DestinationRefused.class);
    }
}
