// The ops console: one page, each view one or two API calls through the console host's /api/<service>/ proxy.
'use strict';

const THRESHOLDS = { LCP: [2500, 4000], INP: [200, 500], CLS: [0.1, 0.25], FCP: [1800, 3000], TTFB: [800, 1800] };
const state = { token: localStorage.getItem('token') || '', tenant: localStorage.getItem('tenant') || '', chart: null };
const view = document.getElementById('view');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => k.startsWith('on') ? node.addEventListener(k.slice(2), v) : node.setAttribute(k, v));
  children.flat(Infinity).forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return node;
}

async function api(service, path, options = {}) {
  const response = await fetch(`/api/${service}${path}`, {
    ...options,
    headers: { Authorization: `Bearer ${state.token}`, ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) throw new Error(`${service}: ${response.status} ${body.error || ''} ${body.detail || ''}`);
  return body;
}

function showError(error) {
  const p = document.getElementById('error');
  p.textContent = error ? String(error.message || error) : '';
  p.hidden = !error;
}

function chart(canvas, labels, datasets) {
  if (state.chart) state.chart.destroy();
  state.chart = new Chart(canvas, {
    type: 'line', data: { labels, datasets },
    // points drawn only while there are few of them (one window alone would be invisible as a line)
    options: { animation: false, interaction: { mode: 'index', intersect: false }, elements: { point: { radius: labels.length < 30 ? 3 : 0 } },
      scales: { x: { ticks: { maxTicksLimit: 12 } } } },
  });
}

const hhmm = iso => new Date(iso).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const pct = x => `${Math.round(x * 100)}%`;

const metricValue = (metric, value) => metric === 'CLS' ? value.toFixed(3) : `${Math.round(value)} ms`;

// A page's screen also says why it is slow (GET /v1/diagnostics) and what to do first (GET /v1/recommendations/pages).
async function adviceCard(route, metric, device) {
  const tenant = encodeURIComponent(state.tenant);
  const failed = error => ({ failed: String(error.message || error) });
  const [diagnosis, advice] = await Promise.all([
    api('aggregation', `/v1/diagnostics?tenant=${tenant}&route=${encodeURIComponent(route)}&metric=${metric}&device=${device}&window=24h`).catch(failed),
    api('aggregation', `/v1/recommendations/pages?tenant=${tenant}&window=24h`).catch(failed)]);
  const mine = (advice.recommendations || []).filter(r => r.route === route);
  const causes = diagnosis.failed ? el('p', { class: 'hint' }, diagnosis.failed)
    : diagnosis.causes.length === 0 ? el('p', { class: 'hint' }, `No ${metric} attribution from this page in 24 h (the web-vitals attribution build sends it).`)
    : el('table', { id: 'causes' }, el('tr', {}, ['Cause', 'Share of poor', 'p75', 'Phase', 'Detail'].map(h => el('th', {}, h))),
      diagnosis.causes.map(c => el('tr', {}, el('td', {}, el('code', {}, c.cause)), el('td', {}, pct(c.share)),
        el('td', {}, metricValue(metric, c.p75)), el('td', {}, c.phase || ''), el('td', {}, c.detail || ''))));
  const todo = advice.failed ? el('p', { class: 'hint' }, advice.failed)
    : mine.length === 0 ? el('p', { class: 'hint' }, 'No advice for this page: no rule found evidence in 24 h.')
    : el('table', { id: 'recommendations' }, el('tr', {}, ['What to do', 'Evidence', 'Poor avoided / day'].map(h => el('th', {}, h))),
      mine.map(r => el('tr', { 'data-rule': r.rule }, el('td', {}, r.action), el('td', {}, r.evidence), el('td', {}, String(r.poorAvoidedPerDay)))));
  return el('div', { class: 'card', id: 'advice' }, el('h3', {}, `Why ${metric} is slow here (${device})`), causes,
    el('h3', {}, 'What to do first on this page'), todo);
}

const views = {
  async tenants() {
    // The ops token lists every tenant; a tenant token is refused the list and sees only its own tenant.
    const [tenants, firing] = await Promise.all([
      api('ingest', '/v1/admin/tenants').catch(() => [{ tenantId: state.tenant, name: state.tenant, tier: '', allowedOrigins: [] }]),
      api('alerting', '/v1/alerts?state=FIRING&limit=1000').catch(() => [])]);
    const open = tenant => firing.filter(a => a.tenant === tenant).length;
    const pick = tenant => () => { state.tenant = tenant; localStorage.setItem('tenant', tenant); location.hash = 'pages'; };
    view.replaceChildren(el('div', { class: 'card' }, el('h2', {}, 'Tenants'),
      el('table', { id: 'tenants' }, el('tr', {}, ['Tenant', 'Name', 'Tier', 'Firing alerts', 'Origins'].map(h => el('th', {}, h))),
        tenants.map(t => el('tr', { 'data-tenant': t.tenantId },
          el('td', {}, el('a', { href: '#pages', onclick: pick(t.tenantId) }, t.tenantId)), el('td', {}, t.name),
          el('td', {}, t.tier), el('td', { class: open(t.tenantId) ? 'rating-POOR' : '' }, String(open(t.tenantId))),
          el('td', {}, (t.allowedOrigins || []).join(', ')))))));
  },

  async pages() {
    const metric = new URLSearchParams(location.hash.split('?')[1]).get('metric') || 'LCP';
    const pages = await api('aggregation', `/v1/trends/pages?tenant=${encodeURIComponent(state.tenant)}&metric=${metric}&window=24h`);
    view.replaceChildren(el('div', { class: 'card' },
      el('h2', {}, `${state.tenant}: pages by opportunity (${metric}, 24 h)`),
      el('table', {}, el('tr', {}, ['Route', 'Traffic', 'p75', 'Rating', 'Good / NI / poor'].map(h => el('th', {}, h))),
        pages.map(p => el('tr', {},
          el('td', {}, el('a', { href: `#trend?route=${encodeURIComponent(p.route)}&metric=${metric}` }, p.route)),
          el('td', {}, String(p.traffic)),
          el('td', {}, metric === 'CLS' ? p.p75.toFixed(3) : `${Math.round(p.p75)} ms`),
          el('td', { class: `rating-${p.rating}` }, p.rating.replace('_', ' ').toLowerCase()),
          el('td', {}, el('div', { class: 'bar', title: `${pct(p.goodShare)} / ${pct(p.needsImprovementShare)} / ${pct(p.poorShare)}` },
            el('span', { class: 'good', style: `width:${p.goodShare * 100}%` }),
            el('span', { class: 'ni', style: `width:${p.needsImprovementShare * 100}%` }),
            el('span', { class: 'poor', style: `width:${p.poorShare * 100}%` }))))))));
  },

  async trend() {
    const q = new URLSearchParams(location.hash.split('?')[1]);
    const route = q.get('route') || '*', metric = q.get('metric') || 'LCP', device = q.get('device') || '*';
    const resolution = q.get('resolution') || '1m';
    const hours = { '1m': 24, '1h': 24 * 7, '1d': 24 * 35 }[resolution];
    const from = new Date(Date.now() - hours * 3600e3).toISOString();
    const series = await api('aggregation', `/v1/trends?tenant=${encodeURIComponent(state.tenant)}&route=${encodeURIComponent(route)}`
      + `&metric=${metric}&device=${device}&resolution=${resolution}&from=${from}`);
    const select = (name, values, current) => el('select', { onchange: e => { q.set(name, e.target.value); location.hash = `trend?${q}`; } },
      values.map(v => { const o = el('option', { value: v }, v); if (v === current) o.selected = true; return o; }));
    const canvas = el('canvas');
    view.replaceChildren(el('div', { class: 'card' },
      el('h2', {}, `${metric} on ${route} (${device}), ${resolution}`),
      el('div', { class: 'controls' }, select('metric', Object.keys(THRESHOLDS), metric),
        select('device', ['*', 'mobile', 'desktop', 'tablet'], device), select('resolution', ['1m', '1h', '1d'], resolution),
        el('span', { class: 'hint' }, `${series.points.length} windows; percentiles within ${series.relativeAccuracy * 100}%`)),
      canvas));
    const labels = series.points.map(p => hhmm(p.windowStart));
    const [good, poor] = THRESHOLDS[metric];
    chart(canvas, labels, [
      { label: 'p75', data: series.points.map(p => p.p75), borderColor: '#3a6fd8' },
      { label: 'p95', data: series.points.map(p => p.p95), borderColor: '#9a5cd0' },
      { label: 'good ≤', data: labels.map(() => good), borderColor: '#0cce6b', borderDash: [6, 4] },
      { label: 'poor >', data: labels.map(() => poor), borderColor: '#ff4e42', borderDash: [6, 4] },
    ]);
    if (route !== '*') view.append(await adviceCard(route, metric, device));
  },

  // Two releases or two variants of an experiment side by side, over the minutes both ran (GET /v1/compare).
  async compare() {
    const q = new URLSearchParams(location.hash.split('?')[1]);
    const a = q.get('a') || 'photo-grid-v2:A', b = q.get('b') || 'photo-grid-v2:B';
    const metric = q.get('metric') || 'LCP', span = q.get('window') || '1h';
    const input = (name, value) => el('input', { name, value, size: 18 });
    const form = el('form', { class: 'controls', id: 'compare-form', onsubmit: e => {
      e.preventDefault();
      const f = new FormData(e.target);
      location.hash = `compare?${new URLSearchParams([...f.entries()])}`;
    } }, el('label', {}, 'A ', input('a', a)), el('label', {}, 'B ', input('b', b)),
      el('label', {}, 'Metric ', input('metric', metric)), el('label', {}, 'Window ', input('window', span)),
      el('button', { type: 'submit' }, 'Compare'));
    const answer = await api('aggregation', `/v1/compare?tenant=${encodeURIComponent(state.tenant)}&metric=${encodeURIComponent(metric)}`
      + `&a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&window=${encodeURIComponent(span)}`);
    const value = v => v == null ? '–' : metricValue(metric, v);
    const arm = x => `${value(x.p75)} [${value(x.lower)} – ${value(x.upper)}] · ${x.count}`;
    const verdictClass = v => ({ worse: 'rating-POOR', better: 'rating-GOOD' })[v] || '';
    view.replaceChildren(el('div', { class: 'card' },
      el('h2', {}, `${state.tenant}: ${b} against ${a} (${metric} p75, ${span})`), form,
      el('p', { id: 'compare-verdict', class: verdictClass(answer.verdict) }, `Verdict: ${answer.verdict}`),
      el('p', { class: 'hint' }, `${answer.test}; ${answer.correction}; α = ${answer.alpha}, at least ${answer.minSamples} `
        + `views per arm, effects under ${pct(answer.minEffect)} are no difference.`),
      answer.cells.length === 0 ? el('p', { class: 'hint' }, 'Neither arm has traffic in this window.')
        : el('table', { id: 'compare-cells' }, el('tr', {}, ['Route', 'Device', `A p75 [95 %] · views`, `B p75 [95 %] · views`,
          'B − A', 'p (Holm)', 'Minutes side by side', 'Verdict'].map(h => el('th', {}, h))),
        answer.cells.map(c => el('tr', { 'data-route': c.route, 'data-verdict': c.verdict },
          el('td', {}, c.route), el('td', {}, c.device.toLowerCase()), el('td', {}, arm(c.a)), el('td', {}, arm(c.b)),
          el('td', {}, c.relativeDifference == null ? '–' : `${c.relativeDifference >= 0 ? '+' : ''}${(c.relativeDifference * 100).toFixed(1)} %`),
          el('td', {}, c.adjustedP == null ? '–' : c.adjustedP < 0.0001 ? '< 0.0001' : c.adjustedP.toFixed(4)),
          el('td', {}, String(c.overlapMinutes)), el('td', { class: verdictClass(c.verdict) }, c.verdict))))));
  },

  async alerts() {
    const alerts = await api('alerting', `/v1/alerts?tenant=${encodeURIComponent(state.tenant)}&limit=100`);
    const act = (id, action) => async () => {
      try {
        await api('alerting', `/v1/alerts/${id}/${action}`, { method: 'POST', body: JSON.stringify({ note: `${action} from the console` }) });
        views.alerts();
      } catch (e) { showError(e); }
    };
    const silence = a => async () => {
      try {
        await api('alerting', '/v1/silences', { method: 'POST', body: JSON.stringify({ tenant: a.tenant, metric: a.metric, minutes: 60, comment: 'silenced from the console' }) });
        views.alerts();
      } catch (e) { showError(e); }
    };
    view.replaceChildren(el('div', { class: 'card' }, el('h2', {}, `Alerts of ${state.tenant}`),
      el('table', { id: 'alerts' }, el('tr', {}, ['Severity', 'State', 'Summary', 'Since', ''].map(h => el('th', {}, h))),
        alerts.map(a => el('tr', { 'data-id': a.id },
          el('td', { class: `sev-${a.severity}` }, a.severity), el('td', { class: 'state' }, a.state), el('td', {}, a.summary),
          el('td', {}, hhmm(a.firedAt || a.createdAt)),
          el('td', {}, a.state === 'RESOLVED' ? '' : [
            a.state === 'FIRING' ? [el('button', { class: 'ack', onclick: act(a.id, 'ack') }, 'Ack'), ' '] : '',
            el('button', { class: 'secondary', onclick: act(a.id, 'resolve') }, 'Resolve'), ' ',
            el('button', { class: 'secondary', onclick: silence(a) }, 'Silence 1 h')]))))));
  },

  async interference() {
    // One finding is published per victim, each naming every victim: show each finding once.
    const all = await api('aggregation', `/v1/interference?from=${new Date(Date.now() - 24 * 3600e3).toISOString()}`);
    const findings = [...new Map(all.map(f => [f.findingId, f])).values()];
    view.replaceChildren(el('div', { class: 'card' }, el('h2', {}, 'Interference (24 h)'),
      findings.length === 0 ? el('p', { class: 'hint' }, 'No tenant has hurt another in the last 24 hours.') :
        el('table', {}, el('tr', {}, ['Minute', 'Antagonist', 'Volume vs baseline', 'Victims'].map(h => el('th', {}, h))),
          findings.map(f => el('tr', {}, el('td', {}, hhmm(f.windowStart)), el('td', {}, f.antagonistTenant),
            el('td', {}, `${(f.antagonistRequests / Math.max(1, f.antagonistBaselineRequests)).toFixed(1)}×`),
            el('td', {}, f.victims.map(v => `${v.tenant} (p95 ${Math.round(v.p95Ms ?? v.p95 ?? 0)} ms, r=${(v.correlation ?? 0).toFixed(2)})`).join(', ')))))));
  },

  async gate() {
    const project = new URLSearchParams(location.hash.split('?')[1]).get('project') || 'wedsync-web';
    const history = await api('gate', `/v1/gates/history?project=${encodeURIComponent(project)}`);
    view.replaceChildren(el('div', { class: 'card' }, el('h2', {}, `Gate: ${project}`),
      el('table', {}, el('tr', {}, ['Build', 'Branch', 'Status', 'Budget', 'Reasons / regressions'].map(h => el('th', {}, h))),
        history.map(v => el('tr', {}, el('td', {}, v.buildId), el('td', {}, v.branch),
          el('td', { class: v.status === 'PASSED' ? 'rating-GOOD' : 'rating-POOR' }, v.status), el('td', {}, `v${v.budgetVersion}`),
          el('td', {}, [...v.blockingReasons, ...v.warnings].join('; ') || '—'))))));
  },

  // The wedding-day board: the tenant's weddings of a day on a time line, each operation's objective as a traffic
  // light with the budget left, and the day's alerts and responses (emergencies, and scale-ups inside the wedding's
  // window, with their measured effect).
  async day() {
    const date = new URLSearchParams(location.hash.split('?')[1]).get('date') || new Date().toISOString().slice(0, 10);
    const tenant = encodeURIComponent(state.tenant);
    const failed = error => ({ failed: String(error.message || error) });
    const [weddings, alerts, emergencies, plan] = await Promise.all([
      api('aggregation', `/v1/weddings?tenant=${tenant}&date=${date}`),
      api('alerting', `/v1/alerts?tenant=${tenant}&limit=200`).catch(() => []),
      api('scaling', `/v1/emergencies?tenant=${tenant}&days=2`).catch(() => []),
      api('scaling', `/v1/recommendations?tenant=${tenant}`).catch(() => ({ scaleUps: [] }))]);
    const hours = h => h * 3600 * 1000;
    const inWindow = (w, at) => Date.parse(at) >= Date.parse(w.ceremonyAt) - hours(6)
      && Date.parse(at) <= Date.parse(w.ceremonyAt) + hours(12);
    const slos = await Promise.all(weddings.map(w =>
      api('aggregation', `/v1/weddings/${encodeURIComponent(w.weddingId)}/slo?tenant=${tenant}`).catch(failed)));
    const light = o => o.latencyBudgetSpent == null ? 'none'
      : Math.max(o.latencyBudgetSpent, o.errorBudgetSpent ?? 0) > 1 ? 'red'
      : Math.max(o.latencyBudgetSpent, o.errorBudgetSpent ?? 0) > 0.5 ? 'amber' : 'green';
    const left = spent => spent == null ? '—' : `${Math.max(0, Math.round((1 - spent) * 100))}% left`;
    const board = weddings.map((w, i) => {
      const slo = slos[i];
      const events = [
        ...alerts.filter(a => a.weddingId === w.weddingId).map(a => ({ at: a.firedAt || a.createdAt, kind: `alert ${a.severity.toLowerCase()}`, text: a.summary })),
        ...emergencies.filter(e => e.weddingId === w.weddingId).map(e => ({ at: e.startedAt, kind: 'response',
          text: e.effect ? e.effect.summary : `emergency: ${e.summary} (effect measured from ${hhmm(e.measuredFrom)})` })),
        ...(plan.scaleUps || []).filter(u => inWindow(w, u.effectiveFrom)).map(u => ({ at: u.effectiveFrom, kind: 'response',
          text: u.effect ? u.effect.summary : `scale-up ${u.previousInstances} → ${u.instances} instances: ${u.reason} (effect measured from ${hhmm(u.measuredFrom)})` })),
      ].sort((a, b) => a.at.localeCompare(b.at));
      return el('div', { class: 'card wedding', 'data-wedding': w.weddingId },
        el('h2', {}, `${w.weddingId}: ceremony ${hhmm(w.ceremonyAt)}`),
        el('p', { class: 'hint' }, `${w.guestCount} guests, ${w.vendorCount} vendors · ${w.timeZone}`),
        slo.failed ? el('p', { class: 'hint' }, slo.failed)
          : slo.operations.length === 0 ? el('p', { class: 'hint' }, 'No requests for this wedding yet.')
          : el('ul', { class: 'lights' }, slo.operations.map(o => el('li', { class: `light-${light(o)}`, 'data-operation': o.operation },
            el('span', { class: 'dot' }), el('strong', {}, o.operation), ' ',
            `${o.attainment == null ? '—' : pct(o.attainment)} within ${Math.round(o.objective.latencyMs)} ms · ${left(o.latencyBudgetSpent)}`,
            o.errors ? ` · ${o.errors} errors (${left(o.errorBudgetSpent)})` : ''))),
        el('ol', { class: 'timeline' }, events.length === 0 ? el('li', { class: 'hint' }, 'No alerts or responses.')
          : events.map(e => el('li', { class: e.kind.replace(' ', '-') }, el('time', {}, hhmm(e.at)), ` ${e.kind}: ${e.text}`))));
    });
    view.replaceChildren(el('div', { class: 'card' }, el('h2', {}, `${state.tenant}: weddings on ${date}`),
      weddings.length === 0 ? el('p', { class: 'hint' }, 'No weddings scheduled on this day.') : ''), ...board);
  },

  async forecast() {
    const [forecast, plan] = await Promise.all([
      api('scaling', `/v1/forecasts?tenant=${encodeURIComponent(state.tenant)}`),
      api('scaling', `/v1/recommendations?tenant=${encodeURIComponent(state.tenant)}`)]);
    const canvas = el('canvas');
    const rows = [plan.current, ...plan.upcoming];
    view.replaceChildren(el('div', { class: 'card' }, el('h2', {}, `Forecast for ${state.tenant}, next 48 h`),
      el('p', { class: 'hint' }, forecast.basis), canvas),
      el('div', { class: 'card' }, el('h2', {}, 'Recommended capacity'),
        el('table', {}, el('tr', {}, ['From', 'Until', 'Instances', 'DB conns', 'Cache', 'Sampling', 'Why'].map(h => el('th', {}, h))),
          rows.map(r => el('tr', {}, el('td', {}, hhmm(r.effectiveFrom)), el('td', {}, hhmm(r.effectiveUntil)),
            el('td', {}, String(r.instances)), el('td', {}, String(r.dbConnections)), el('td', {}, `${r.cacheMb} MB`),
            el('td', {}, `${r.monitoringIntervalSeconds} s`), el('td', {}, r.reason))))),
      (plan.scaleUps || []).length ? el('div', { class: 'card' }, el('h2', {}, 'Scale-ups of the last week: did they help?'),
        el('ul', {}, plan.scaleUps.map(u => el('li', { 'data-scale-up': u.id }, u.effect ? u.effect.summary
          : `${hhmm(u.effectiveFrom)} scale-up ${u.previousInstances} → ${u.instances} instances: measured from ${hhmm(u.measuredFrom)}`)))) : '',
      forecast.scheduledScaleUps.length ? el('div', { class: 'card' }, el('h2', {}, 'Weddings beyond 48 h'),
        el('p', {}, forecast.scheduledScaleUps.slice(0, 10).map(w => `${w.weddingId}: ${hhmm(w.ceremonyAt)}, ${w.guests} guests`).join(' · '))) : '');
    chart(canvas, forecast.hours.map(h => hhmm(h.hour)), [
      { label: 'forecast', data: forecast.hours.map(h => h.forecast), borderColor: '#3a6fd8' },
      { label: 'baseline', data: forecast.hours.map(h => h.baseline), borderColor: '#8a94a6', borderDash: [6, 4] },
      { label: 'weddings', data: forecast.hours.map(h => h.weddingLoad), borderColor: '#e8590c', fill: true, backgroundColor: 'rgba(232,89,12,.12)' },
    ]);
  },
};

// "Data delayed by N": the trends' freshness as aggregation's readiness reports it (health is public, no token).
async function freshness() {
  const banner = document.getElementById('delayed');
  try {
    const response = await fetch('/api/aggregation/q/health/ready');
    const health = await response.json();
    const input = (health.checks || []).find(c => c.name === 'aggregation-input');
    const data = (input && input.data) || {};
    const age = Number(data.newestOutputAgeSeconds);
    const waiting = Number(data.lag) > 0;
    if (input && input.status === 'DOWN') {
      banner.textContent = `Trends are stalled: ${data.reason}`;
    } else if (waiting && age > 150) {
      banner.textContent = `Data delayed by ${Math.round(age / 60)} min: ${data.lag} records are waiting to be aggregated.`;
    } else {
      banner.hidden = true;
      return;
    }
    banner.hidden = false;
  } catch (e) {
    banner.textContent = 'Trends may be delayed: the aggregation service does not answer.';
    banner.hidden = false;
  }
}

async function route() {
  const signedIn = Boolean(state.token && state.tenant);
  document.getElementById('signin').hidden = signedIn;
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').textContent = signedIn ? `tenant ${state.tenant}` : '';
  document.getElementById('signout').hidden = !signedIn;
  if (!signedIn) { view.replaceChildren(); return; }
  const name = (location.hash.slice(1).split('?')[0]) || 'pages';
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.getAttribute('href') === `#${name}`));
  showError(null);
  freshness();
  try { await (views[name] || views.pages)(); } catch (e) { showError(e); }
}

document.getElementById('signin').addEventListener('submit', e => {
  e.preventDefault();
  state.token = document.getElementById('token').value.trim();
  state.tenant = document.getElementById('tenant').value.trim();
  localStorage.setItem('token', state.token);
  localStorage.setItem('tenant', state.tenant);
  route();
});
// A sign-in link (#signin?tenant=…&token=…, as ./platform up prints for the demo tenant): the fragment never reaches
// a server; the token is kept like a typed one and removed from the address bar at once.
if (location.hash.startsWith('#signin?')) {
  const q = new URLSearchParams(location.hash.split('?')[1]);
  state.token = q.get('token') || '';
  state.tenant = q.get('tenant') || '';
  localStorage.setItem('token', state.token);
  localStorage.setItem('tenant', state.tenant);
  history.replaceState(null, '', `${location.pathname}#${q.get('view') || 'pages'}`);
}
document.getElementById('signout').addEventListener('click', () => {
  state.token = '';
  state.tenant = '';
  localStorage.removeItem('token');
  localStorage.removeItem('tenant');
  history.replaceState(null, '', location.pathname);
  route();
});
window.addEventListener('hashchange', route);
route();
setInterval(() => { if (state.token && state.tenant) freshness(); }, 30000);
