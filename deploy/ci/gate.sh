#!/usr/bin/env bash
# Sends this build's Lighthouse results (and, when given, bundle sizes and a k6 summary) to the wedsync-perf gate,
# prints the decision, writes gate-report.md (for a PR comment) and exits 1 unless the gate passed.
# Uploads the files as multipart/form-data; a large upload is queued by the gate and polled here. Needs curl and jq.
#   GATE_URL, GATE_CI_TOKEN, GATE_PROJECT                    required
#   GATE_ENVIRONMENT (staging), GATE_BASE_BRANCH (main)      optional
#   LHCI_DIR (.lighthouseci)       where `lhci collect` wrote lhr-*.json
#   BUNDLE_STATS                   webpack stats.json, `size-limit --json` output or [{name,size}]
#   K6_SUMMARY                     k6 summary JSON (handleSummary / --summary-export)
#   GATE_BUDGET_FILE (perf-budget.json)  the repository's budget; used (and versioned) by the gate when the file exists
#   BUILD_ID, GIT_SHA, BRANCH      default to the GitHub Actions variables, then to git
#   GATE_ASYNC=1                   ask for a background decision and poll it (large uploads are queued anyway)
#   GATE_WAIT (600)                seconds to wait for a queued decision
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

form=(--form-string "project=$GATE_PROJECT" --form-string "buildId=$build" --form-string "environment=$environment"
  --form-string "gitSha=$sha" --form-string "branch=$branch" --form-string "baseBranch=$base")
if [ -n "$ancestor" ]; then form+=(--form-string "ancestorSha=$ancestor"); fi
for lhr in "${lhrs[@]}"; do form+=(-F "lighthouse=@$lhr;type=application/json"); done
if [ -n "${BUNDLE_STATS:-}" ]; then form+=(-F "bundles=@$BUNDLE_STATS;type=application/json"); fi
if [ -n "${K6_SUMMARY:-}" ]; then form+=(-F "loadTest=@$K6_SUMMARY;type=application/json"); fi
budget_file=${GATE_BUDGET_FILE:-perf-budget.json}
if [ -f "$budget_file" ]; then form+=(-F "budget=@$budget_file;type=application/json"); fi
if [ "${GATE_ASYNC:-0}" = 1 ]; then form+=(-H 'Prefer: respond-async'); fi

echo "gate: $GATE_PROJECT build $build ($sha on $branch, ${#lhrs[@]} Lighthouse runs) -> $GATE_URL"
response=$(curl -sS -X POST "$GATE_URL/v1/gates/validate" -H "Authorization: Bearer $GATE_CI_TOKEN" \
  "${form[@]}" -w '\n%{http_code}')
code=${response##*$'\n'}
body=${response%$'\n'*}
if [ "$code" = 202 ]; then
  # A large upload is decided in the background: poll until it is decided (GATE_WAIT seconds at most).
  deadline=$(( $(date +%s) + ${GATE_WAIT:-600} ))
  status_url="$GATE_URL/v1/gates/$build?project=$GATE_PROJECT"
  while :; do
    status=$(jq -r .status <<<"$body")
    if [ "$status" != QUEUED ] && [ "$status" != RUNNING ]; then break; fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "gate: still $status after ${GATE_WAIT:-600} s" >&2
      exit 2
    fi
    echo "gate: $status ..."
    sleep 2
    body=$(curl -sS --fail-with-body "$status_url" -H "Authorization: Bearer $GATE_CI_TOKEN")
  done
  code=200
  if [ "$status" = REJECTED ]; then
    echo "gate: the input was rejected: $(jq -r '.blockingReasons[0]' <<<"$body")" >&2
    exit 2
  fi
fi
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
