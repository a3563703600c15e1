#!/usr/bin/env bash
# Sends this build's Lighthouse results (and, when given, bundle sizes and a k6 summary) to the wedsync-perf gate,
# prints the decision, writes gate-report.md (for a PR comment) and exits 1 unless the gate passed.
# Needs curl and jq.
#   GATE_URL, GATE_CI_TOKEN, GATE_PROJECT                    required
#   GATE_ENVIRONMENT (staging), GATE_BASE_BRANCH (main)      optional
#   LHCI_DIR (.lighthouseci)       where `lhci collect` wrote lhr-*.json
#   BUNDLE_STATS                   webpack stats.json, `size-limit --json` output or [{name,size}]
#   K6_SUMMARY                     k6 summary JSON (handleSummary / --summary-export)
#   GATE_BUDGET_FILE (perf-budget.json)  the repository's budget; used (and versioned) by the gate when the file exists
#   BUILD_ID, GIT_SHA, BRANCH      default to the GitHub Actions variables, then to git
set -euo pipefail

: "${GATE_URL:?set GATE_URL (e.g. https://gate.example.com)}"
: "${GATE_CI_TOKEN:?set GATE_CI_TOKEN to the CI token of the project}"
: "${GATE_PROJECT:?set GATE_PROJECT to the project id}"
environment=${GATE_ENVIRONMENT:-staging}
base=${GATE_BASE_BRANCH:-main}
lhci_dir=${LHCI_DIR:-.lighthouseci}
sha=${GIT_SHA:-${GITHUB_SHA:-$(git rev-parse HEAD)}}
branch=${BRANCH:-${GITHUB_HEAD_REF:-${GITHUB_REF_NAME:-$(git rev-parse --abbrev-ref HEAD)}}}
build=${BUILD_ID:-${GITHUB_RUN_ID:+gh-$GITHUB_RUN_ID-${GITHUB_RUN_ATTEMPT:-1}}}
build=${build:-local-$(date +%s)}
ancestor=$(git merge-base HEAD "origin/$base" 2>/dev/null || git merge-base HEAD "$base" 2>/dev/null || true)

shopt -s nullglob
lhrs=("$lhci_dir"/lhr-*.json)
if [ ${#lhrs[@]} -eq 0 ]; then
  echo "gate: no $lhci_dir/lhr-*.json (run lhci collect first)" >&2
  exit 2
fi

request=$(mktemp)
trap 'rm -f "$request"' EXIT
jq -n --arg project "$GATE_PROJECT" --arg build "$build" --arg env "$environment" --arg sha "$sha" \
  --arg branch "$branch" --arg base "$base" --arg ancestor "$ancestor" \
  --slurpfile lhr <(cat "${lhrs[@]}") \
  --slurpfile bundles <(if [ -n "${BUNDLE_STATS:-}" ]; then cat "$BUNDLE_STATS"; fi) \
  --slurpfile k6 <(if [ -n "${K6_SUMMARY:-}" ]; then cat "$K6_SUMMARY"; fi) \
  --slurpfile budget <(if [ -f "${GATE_BUDGET_FILE:-perf-budget.json}" ]; then cat "${GATE_BUDGET_FILE:-perf-budget.json}"; fi) \
  '{project: $project, buildId: $build, environment: $env, gitSha: $sha, branch: $branch, baseBranch: $base,
    ancestorSha: (if $ancestor == "" then null else $ancestor end), lighthouse: $lhr,
    bundles: ($bundles[0] // null), loadTest: ($k6[0] // null), budget: ($budget[0] // null)}' > "$request"

echo "gate: $GATE_PROJECT build $build ($sha on $branch, ${#lhrs[@]} Lighthouse runs) -> $GATE_URL"
response=$(curl -sS -X POST "$GATE_URL/v1/gates/validate" -H "Authorization: Bearer $GATE_CI_TOKEN" \
  -H 'Content-Type: application/json' --data-binary @"$request" -w '\n%{http_code}')
code=${response##*$'\n'}
body=${response%$'\n'*}
if [ "$code" != 200 ]; then
  echo "gate: HTTP $code: $body" >&2
  exit 2
fi
status=$(jq -r .status <<<"$body")
jq -r '.blockingReasons[] | "  blocking: " + .' <<<"$body"
jq -r '.warnings[] | "  warning:  " + .' <<<"$body"
curl -sS "$GATE_URL/v1/gates/$build/report.md" -H "Authorization: Bearer $GATE_CI_TOKEN" > gate-report.md || true
echo "gate: $status (report: gate-report.md)"
[ "$status" = PASSED ]
