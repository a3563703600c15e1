package com.wedsync.perf.service.outbound;

/** What a tenant- or project-configured URL is for, which decides what it may point at. */
public enum Destination {
    /** A Slack incoming webhook: https://hooks.slack.com only. */
    SLACK,
    /** A signed webhook of a tenant or a gate project: any https URL on the public internet. */
    WEBHOOK,
    /** The GitHub API (github.com or an Enterprise server): any https URL on the public internet. */
    GITHUB_API
}
