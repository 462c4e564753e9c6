// Load on Consentry's hot paths beside a bare JSON endpoint on the same server in the same run
// (autocannon, loopback). For each scenario: a saturation run (N connections, as fast as it answers),
// then a fixed-rate run at a share of that saturation rate (open model: autocannon sends at the rate
// whatever the answers do). Prints requests/s, p50/p99/p99.9 latency, errors, and each scenario's
// saturation throughput as a ratio to the echo's (no database) and to the insert's (one JPA row).
//
//   (cd scripts/load && npm install)          once: autocannon from the npm registry
//   node scripts/load/load.mjs --base http://localhost:9080 [--duration 20] [--connections 16]
//        [--rate 0.7] [--scenarios echo,insert,handoff,consent,read] [--warmup 10]
//
// The server needs consentry.diagnostics.enabled=true (the echo endpoint) and the dev users, e.g.
// CONSENTRY_DIAGNOSTICS_ENABLED=true mvn liberty:run; scripts/cluster/test.env sets it for two servers.
import autocannon from 'autocannon';
import {randomUUID} from 'node:crypto';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
    arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const base = (args.base ?? 'http://localhost:9080').replace(/\/$/, '');
const duration = Number(args.duration ?? 20);
const warmup = Number(args.warmup ?? 10);
const connections = Number(args.connections ?? 16);
const rateShare = Number(args.rate ?? 0.7);
const scenarios = (args.scenarios ?? 'echo,insert,handoff,consent,read').split(',');
const auth = user => 'Basic ' + Buffer.from(user + ':' + user + '-dev').toString('base64');
const BOT = auth('bot');
const AGENT = auth('agent1');
const SUBJECTS = 500;

async function call(method, path, user, body) {
    const response = await fetch(base + path, {method, headers: {'Authorization': user, 'Content-Type': 'application/json'},
        body: body === undefined ? undefined : JSON.stringify(body)});
    if (!response.ok) {
        throw new Error(method + ' ' + path + ': ' + response.status + ' ' + await response.text());
    }
    return response.status === 204 ? null : response.json();
}

function handoffBody(subject) {
    return JSON.stringify({
        conversationId: 'load-' + randomUUID(), subjectId: subject, language: 'pl', reason: 'Podwójne obciążenie karty',
        customer: {name: 'Jan Testowy', email: 'jan.testowy@example.pl', phone: '+48 601 234 567'},
        transcript: [
            {from: 'CUSTOMER', text: 'Dzień dobry, karta 4111 1111 1111 1111 została obciążona dwa razy, mail jan.testowy@example.pl.', at: '2026-11-29T10:00:00Z'},
            {from: 'BOT', text: 'Przekazuję rozmowę do konsultanta.', at: '2026-11-29T10:00:04Z'}]
    });
}

const subject = () => 'load-' + Math.floor(Math.random() * SUBJECTS);

async function prepare() {
    console.log(`== preparing: consent for ${SUBJECTS} subjects, 50 chats claimed by agent1`);
    for (let n = 0; n < SUBJECTS; n++) {
        await call('PUT', `/api/v1/subjects/load-${n}/consents/support-handoff`, BOT,
            {noticeVersion: '2026-11', channel: 'load', evidence: 'load test'});
    }
    const claimed = [];
    for (let n = 0; n < 50; n++) {
        const created = await call('POST', '/api/v1/escalations', BOT, JSON.parse(handoffBody(`load-${n}`)));
        await call('POST', `/api/v1/escalations/${created.id}/claim`, AGENT);
        claimed.push(created.id);
    }
    return claimed;
}

function requestsFor(name, claimed) {
    switch (name) {
        case 'echo':
            return [{method: 'POST', path: '/api/v1/diagnostics/echo', headers: {'authorization': BOT, 'content-type': 'application/json'},
                body: JSON.stringify({text: 'Dzień dobry, proszę o pomoc z zamówieniem.'})}];
        case 'insert':
            return [{method: 'POST', path: '/api/v1/diagnostics/insert', headers: {'authorization': BOT, 'content-type': 'application/json'},
                body: JSON.stringify({text: 'Dzień dobry, proszę o pomoc z zamówieniem.'})}];
        case 'handoff':
            return [{method: 'POST', path: '/api/v1/escalations', headers: {'authorization': BOT, 'content-type': 'application/json'},
                setupRequest: req => ({...req, body: handoffBody(subject())})}];
        case 'consent':
            return [{method: 'PUT', headers: {'authorization': BOT, 'content-type': 'application/json'},
                setupRequest: req => ({...req, path: `/api/v1/subjects/${subject()}/consents/support-handoff`,
                    body: JSON.stringify({noticeVersion: '2026-11', channel: 'load', evidence: 'message ' + randomUUID()})})}];
        case 'read':
            return [{method: 'GET', headers: {'authorization': AGENT},
                setupRequest: req => ({...req, path: `/api/v1/escalations/${claimed[Math.floor(Math.random() * claimed.length)]}`})}];
        default:
            throw new Error('unknown scenario ' + name);
    }
}

function run(name, claimed, options) {
    return new Promise((resolve, reject) => {
        autocannon({url: base, connections, requests: requestsFor(name, claimed), ...options}, (error, result) =>
            error ? reject(error) : resolve(result));
    });
}

/**
 * A 409 is the API's documented answer when two requests change the same record at once (two grants
 * for one subject: repeat the request); counted apart from errors. Anything else not 2xx is an error.
 */
function figures(result) {
    const l = result.latency;
    const conflicts = result.statusCodeStats?.['409']?.count ?? 0;
    return {
        rps: result.requests.average, p50: l.p50, p99: l.p99, p999: l.p99_9 ?? l['p99.9'], mean: l.mean,
        errors: result.errors + result.timeouts + result.non2xx - conflicts, conflicts
    };
}

const claimed = await prepare();
const rows = [];
for (const name of scenarios) {
    await run(name, claimed, {duration: warmup}); // the JIT settles on each path first
    const saturated = figures(await run(name, claimed, {duration}));
    const rate = Math.max(1, Math.floor(saturated.rps * rateShare));
    const fixed = figures(await run(name, claimed, {duration, overallRate: rate}));
    rows.push({name, saturated, fixed, rate});
    console.log(`== ${name}: saturation ${saturated.rps.toFixed(0)} req/s; fixed rate ${rate} req/s done`);
}

const echo = rows.find(r => r.name === 'echo');
const insert = rows.find(r => r.name === 'insert');
const pad = (v, n) => String(v).padStart(n);
console.log(`\n${base}: ${connections} connections, ${duration} s per run, fixed rate = ${rateShare} x saturation`);
console.log('scenario   mode              req/s    p50 ms   p99 ms  p99.9 ms   errors      409   vs echo  vs insert');
const ratio = (f, to) => to ? (f.rps / to.saturated.rps).toFixed(3) : '';
for (const r of rows) {
    for (const [mode, f] of [['saturation', r.saturated], [`fixed ${r.rate}/s`, r.fixed]]) {
        const saturation = mode === 'saturation';
        console.log(`${r.name.padEnd(10)} ${mode.padEnd(15)} ${pad(f.rps.toFixed(0), 8)} ${pad(f.p50, 8)} ${pad(f.p99, 8)} ${pad(f.p999, 9)}`
            + ` ${pad(f.errors, 8)} ${pad(f.conflicts, 8)} ${pad(saturation ? ratio(f, echo) : '', 9)} ${pad(saturation ? ratio(f, insert) : '', 10)}`);
    }
}
// Little's law as a check on the tool: at saturation, requests in flight = throughput x mean latency
// must be about the number of connections; where it is not, the row's latency or rate is not to be trusted.
for (const r of rows) {
    const inFlight = r.saturated.rps * r.saturated.mean / 1000;
    if (Math.abs(inFlight - connections) > connections / 2) {
        console.error(`${r.name}: ${r.saturated.rps.toFixed(0)} req/s x ${r.saturated.mean.toFixed(1)} ms mean = ${inFlight.toFixed(0)}`
            + ` requests in flight on ${connections} connections: this row's figures disagree with each other`);
        process.exitCode = 1;
    }
}
if (rows.some(r => r.saturated.errors || r.fixed.errors)) {
    console.error('errors: the figures above are not valid');
    process.exitCode = 1;
}
