package com.wedsync.perf.aggregation.query;

/**
 * One thing to do on one page, with the evidence for it.
 *
 * @param rule which rule of {@link AdviceRules} gave it, e.g. {@code inp-long-handler}, {@code image-format}
 * @param target what to change: a selector, a resource pattern, or the page's bundle
 * @param poorAvoidedPerDay the poor experiences a day that the evidence ties to it (traffic-weighted: the window's
 *                          count over its length in days) — what fixing it would gain at most
 * @param experiencesPerDay the experiences a day it touches at all (page views, interactions), poor or not
 */
public record Recommendation(String route, String rule, String metric, String target, String action, String evidence,
                             double poorAvoidedPerDay, double experiencesPerDay) {
}
