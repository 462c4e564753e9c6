// Memory under sustained load: the server's resident size (RSS) idle, then every 30 s during handoffs
// at a fixed rate (by default 70% of the saturation rate measured first) for --minutes, with the
// trend (least-squares slope over the second half of the run, MB/min), and the live heap (after a
// full GC, jcmd of the same JDK) before and after: a leak shows there, whatever the heap's sizing
// does to RSS. Not part of CI: ten minutes.
//
//   (cd scripts/load && npm install)
//   node scripts/load/soak.mjs --base http://localhost:9080 --pid <Liberty JVM pid> [--minutes 10] [--rate N]
//
// The pid: `cat target/liberty/wlp/usr/servers/defaultServer/workarea/.sRunning` is not it; use
// `cat target/liberty/wlp/usr/servers/.pid/defaultServer.pid` (or node1.pid for scripts/cluster).
import autocannon from 'autocannon';
import {randomUUID} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
    arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const base = (args.base ?? 'http://localhost:9080').replace(/\/$/, '');
const pid = Number(args.pid);
const minutes = Number(args.minutes ?? 10);
const connections = Number(args.connections ?? 16);
if (!pid) {
    console.error('--pid <the Liberty JVM> is required');
    process.exit(2);
}
const BOT = 'Basic ' + Buffer.from('bot:bot-dev').toString('base64');

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
/** The live heap: a full collection (jcmd GC.run), then the heap's used size (GC.heap_info). */
const liveHeapMb = () => {
    execFileSync('jcmd', [String(pid), 'GC.run']);
    const info = execFileSync('jcmd', [String(pid), 'GC.heap_info'], {encoding: 'utf8'});
    // G1: "garbage-first heap total …K, used …K"; Serial and Parallel: one such line per generation
    return [...info.matchAll(/(?:heap|generation)\s+total \d+K, used (\d+)K/g)].reduce((a, m) => a + Number(m[1]), 0) / 1024;
};

for (let n = 0; n < 200; n++) {
    await fetch(`${base}/api/v1/subjects/soak-${n}/consents/support-handoff`, {method: 'PUT',
        headers: {'Authorization': BOT, 'Content-Type': 'application/json'},
        body: JSON.stringify({noticeVersion: '2026-11', channel: 'load', evidence: 'soak test'})});
}
const requests = [{method: 'POST', path: '/api/v1/escalations', headers: {'authorization': BOT, 'content-type': 'application/json'},
    setupRequest: req => ({...req, body: JSON.stringify({conversationId: 'soak-' + randomUUID(),
        subjectId: 'soak-' + Math.floor(Math.random() * 200), language: 'pl', reason: 'Podwójne obciążenie karty',
        customer: {name: 'Jan Testowy', email: 'jan.testowy@example.pl', phone: '+48 601 234 567'},
        transcript: [{from: 'CUSTOMER', text: 'Karta 4111 1111 1111 1111 obciążona dwa razy.', at: '2026-11-29T10:00:00Z'}]})})}];
const run = options => new Promise((resolve, reject) =>
    autocannon({url: base, connections, requests, ...options}, (e, r) => e ? reject(e) : resolve(r)));

await sleep(30_000);
const idle = rssMb();
console.log(`idle RSS: ${idle.toFixed(0)} MB`);
let rate = Number(args.rate ?? 0);
if (!rate) {
    await run({duration: 15});
    const saturation = (await run({duration: 20})).requests.average;
    rate = Math.floor(saturation * 0.7);
    console.log(`saturation ${saturation.toFixed(0)} req/s; soaking at 70%: ${rate} req/s for ${minutes} min`);
}
const liveBefore = liveHeapMb();
console.log(`live heap before the soak: ${liveBefore.toFixed(0)} MB`);
const samples = [];
const started = Date.now();
const load = run({duration: minutes * 60, overallRate: rate});
while (Date.now() - started < minutes * 60_000) {
    await sleep(30_000);
    const at = (Date.now() - started) / 60_000;
    samples.push([at, rssMb()]);
    console.log(`${at.toFixed(1).padStart(5)} min  RSS ${samples.at(-1)[1].toFixed(0)} MB`);
}
const result = await load;
const liveAfter = liveHeapMb();
const half = samples.slice(Math.floor(samples.length / 2));
const mean = xs => xs.reduce((a, b) => a + b, 0) / xs.length;
const mx = mean(half.map(s => s[0]));
const my = mean(half.map(s => s[1]));
const slope = half.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / half.reduce((a, [x]) => a + (x - mx) ** 2, 0);
console.log(`\nidle RSS ${idle.toFixed(0)} MB; after ${minutes} min at ${rate} req/s: RSS ${samples.at(-1)[1].toFixed(0)} MB,`
    + ` max ${Math.max(...samples.map(s => s[1])).toFixed(0)} MB; trend over the second half ${slope.toFixed(2)} MB/min;`
    + ` ${result.requests.total} handoffs, ${result.errors + result.timeouts + result.non2xx} errors,`
    + ` p99 ${result.latency.p99} ms; live heap (after a full GC) ${liveBefore.toFixed(0)} MB before, ${liveAfter.toFixed(0)} MB after`);
