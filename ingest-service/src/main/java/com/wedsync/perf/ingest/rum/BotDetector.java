package com.wedsync.perf.ingest.rum;

import java.util.regex.Pattern;

/**
 * Crawlers, link previewers and synthetic monitors: their page views are not users' experience. Headless
 * browsers are not on the list: WedSync's own end-to-end checks run in them and report like users.
 */
final class BotDetector {

    private static final Pattern BOT = Pattern.compile(
            "bot\\b|bot/|crawler|spider|slurp|facebookexternalhit|embedly|whatsapp|skypeuripreview|"
                    + "pingdom|uptimerobot|statuscake|site24x7|datadogsynthetics|chrome-lighthouse|pagespeed|gtmetrix",
            Pattern.CASE_INSENSITIVE);

    private BotDetector() {
    }

    static boolean isBot(String userAgent) {
        return userAgent != null && BOT.matcher(userAgent).find();
    }
}
