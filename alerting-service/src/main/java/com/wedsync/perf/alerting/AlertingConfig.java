package com.wedsync.perf.alerting;

import com.wedsync.perf.model.event.Severity;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** The alerting service's settings (docs/alerting-service.md); every one has an environment variable. */
@ConfigMapping(prefix = "alerting")
public interface AlertingConfig {

    /** How long a condition must hold before its alert fires. */
    @io.smallrye.config.WithName("for")
    Duration forDuration();

    /** How long a firing condition must stay clear before its alert resolves. */
    Duration keepFiringFor();

    /** Windows with fewer samples neither breach nor clear a condition. */
    int minSamples();

    /** An open alert whose series has sent nothing for this long resolves ("no data"). */
    Duration staleAfter();

    /** Alerts of this severity and above also go to the ops channel. */
    Severity opsMinSeverity();

    /** Base of the links in messages. */
    String consoleUrl();

    Wedding wedding();

    Regression regression();

    Slo slo();

    interface Slo {
        /** Requests a burn-rate window needs before it is judged. */
        long minRequests();
    }

    Delivery delivery();

    interface Wedding {
        Duration before();

        Duration after();

        @io.smallrye.config.WithName("for")
        Duration forDuration();
    }

    interface Regression {
        /** Worse by more than this share than the same hour of the last 7 days is a regression (0.10). */
        double tolerance();

        /** Samples both the hour and its baseline need before they are compared. */
        long minSamples();
    }

    interface Delivery {
        Optional<String> opsSlackWebhook();

        Duration slackInterval();

        Duration maxBackoff();

        Duration timeout();
    }
}
