// Side-by-side bench driver: every server is driven by the same official MCP TypeScript client with the same
// calls, in one run, interleaved; prints one Markdown table with ratios to docker-mcp. Started by bench/compare.sh,
// which installs the peers, prepares the engine and the jar, and passes the options below.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
    options: {
        socket: { type: 'string' },          // the test engine's unix socket
        peers: { type: 'string' },           // bench/compare (node_modules and bin/podman live here)
        launcher: { type: 'string' },        // bin/docker-mcp-secure
        jar: { type: 'string' },             // the jar snapshot the launcher runs
        'java17-home': { type: 'string' },
        'java25-home': { type: 'string', default: '' },
        work: { type: 'string' },            // temp dir for audit logs
        rounds: { type: 'string', default: '3' },
        'cold-extra': { type: 'string', default: '4' },
        warm: { type: 'string', default: '50' },
        logs: { type: 'string', default: '20' },
        stats: { type: 'string', default: '3' },
        idle: { type: 'string', default: '60' },
        'logs-container': { type: 'string', default: 'chatty' },
        'stats-container': { type: 'string', default: 'web' },
        only: { type: 'string', default: '' },  // comma-separated server keys (for quick looks)
        json: { type: 'string', default: '' },
        markdown: { type: 'string', default: '' },
        info: { type: 'string', default: '' },
    },
});
const ROUNDS = +opt.rounds, COLD_EXTRA = +opt['cold-extra'], WARM = +opt.warm, LOGS = +opt.logs, STATS = +opt.stats;
const IDLE_S = +opt.idle;
const API = '/v1.41';

// Every server sees the test engine as /var/run/docker.sock, in a private mount namespace: docker-mcp hard-codes
// that path, the Go server's docker CLI defaults to it, and ours uses it with ALLOW_LOCAL_DOCKER=true. Nothing on
// the machine's own /run changes. unshare and sh exec into the server, so the server keeps the spawned pid.
const NS_SCRIPT = 'mount -t tmpfs -o mode=755 none /run && ln -s "$0" /run/docker.sock && exec "$@"';
const wrap = (cmd, args) => ({ command: 'unshare', args: ['-m', '--propagation', 'private', 'sh', '-c', NS_SCRIPT, opt.socket, cmd, ...args] });
const baseEnv = { PATH: `${opt.peers}/bin:${process.env.PATH}`, HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8' };

const L = opt['logs-container'], S = opt['stats-container'];
const servers = [
    {
        key: 'node', label: 'docker-mcp 1.0.0 (Node)',
        spawn: () => wrap(process.execPath, [`${opt.peers}/node_modules/docker-mcp/dist/index.js`]),
        env: () => ({}),
        list: ['docker_container_list', { all: true }], logs: ['docker_container_logs', { containerId: L, tail: 1 }],
    },
    {
        key: 'go', label: 'podman-mcp-server 0.0.15 (Go)',
        spawn: () => wrap(`${opt.peers}/node_modules/podman-mcp-server-linux-amd64/bin/podman-mcp-server-linux-amd64`, []),
        env: () => ({}),
        list: ['container_list', {}], logs: ['container_logs', { name: L }], // it has no tail: whole log
    },
    {
        key: 'j17', label: 'ours, launcher, JDK 17',
        spawn: () => wrap(opt.launcher, []), env: (r) => ours(opt['java17-home'], r, 'j17'),
        list: ['docker_list_containers', {}], logs: ['docker_logs', { container: L, tail: 1 }], stats: ['docker_stats', { container: S }],
    },
    {
        key: 'j25', label: 'ours, launcher, JDK 25',
        spawn: () => wrap(opt.launcher, []), env: (r) => ours(opt['java25-home'], r, 'j25'),
        list: ['docker_list_containers', {}], logs: ['docker_logs', { container: L, tail: 1 }], stats: ['docker_stats', { container: S }],
    },
].filter((s) => (s.key !== 'j25' || opt['java25-home']) && (!opt.only || opt.only.split(',').includes(s.key)));

// Default configuration: audit on (the default), here to a temp file so runs do not share a chain.
function ours(javaHome, round, key) {
    return {
        JAVA_HOME: javaHome, DOCKER_MCP_JAR: opt.jar, DOCKER_MCP_NO_ARCHIVE: '1', ALLOW_LOCAL_DOCKER: 'true',
        SECURITY_AUDIT_LOG_FILE: path.join(opt.work, `audit-${key}-${round}-${Math.random().toString(36).slice(2, 8)}.jsonl`),
    };
}

// ---- process tree accounting (/proc) -------------------------------------------------------------------------
const CLK = 100, PAGE = 4096;
function children(pid) {
    const out = [];
    try {
        for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
            const c = fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
            if (c) out.push(...c.split(/\s+/).map(Number));
        }
    } catch { /* gone */ }
    return out;
}
function tree(pid) {
    const all = [pid];
    for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
    return all;
}
function statusField(pid, field) {
    try {
        const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
        return m ? +m[1] * 1024 : 0;
    } catch { return 0; }
}
const treeRss = (pid) => tree(pid).reduce((a, p) => a + statusField(p, 'VmRSS'), 0);
function treeCpu(pid) { // user+sys of the live tree, plus what its reaped children used
    let ticks = 0;
    for (const p of tree(pid)) {
        try {
            const f = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
            ticks += +f[11] + +f[12] + +f[13] + +f[14];
        } catch { /* gone */ }
    }
    return ticks / CLK;
}

// ---- one server process --------------------------------------------------------------------------------------
class Running {
    constructor(server, round) { this.s = server; this.round = round; this.peakSampled = 0; this.stderr = ''; }
    async start() {
        const sp = this.s.spawn();
        this.transport = new StdioClientTransport({ ...sp, env: { ...baseEnv, ...this.s.env(this.round) }, stderr: 'pipe' });
        this.transport.stderr?.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
        this.client = new Client({ name: 'bench-compare', version: '1.0.0' });
        const t0 = performance.now();
        await this.client.connect(this.transport);
        this.pid = this.transport.pid;
        const tools = await this.client.listTools();
        this.startupMs = performance.now() - t0;
        this.toolCount = tools.tools.length;
        this.sampler = setInterval(() => { this.peakSampled = Math.max(this.peakSampled, treeRss(this.pid)); }, 25);
        return this.startupMs;
    }
    async call([name, args]) {
        const t0 = performance.now();
        const r = await this.client.callTool({ name, arguments: args });
        const ms = performance.now() - t0;
        if (r.isError) throw new Error(`${this.s.key} ${name}: ${JSON.stringify(r.content).slice(0, 300)}`);
        return { ms, r };
    }
    peak() { return Math.max(this.peakSampled, statusField(this.pid, 'VmHWM'), treeRss(this.pid)); }
    async close() {
        clearInterval(this.sampler);
        try { await this.client.close(); } catch { /* already gone */ }
    }
}

// ---- raw floors: kept-alive HTTP/1.1 on the same socket --------------------------------------------------------
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function rawGet(p) {
    return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const req = http.request({ socketPath: opt.socket, path: API + p, agent, headers: { Host: 'docker' } }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => res.statusCode === 200 ? resolve({ ms: performance.now() - t0, bytes: Buffer.concat(chunks).length })
                : reject(new Error(`raw ${p}: HTTP ${res.statusCode}`)));
        });
        req.on('error', reject);
        req.end();
    });
}

// ---- helpers ---------------------------------------------------------------------------------------------------
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const rotate = (xs, k) => xs.map((_, i) => xs[(i + k) % xs.length]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (m) => process.stderr.write(`compare: ${m}\n`);
const textBytes = (r) => (r.content ?? []).filter((c) => c.type === 'text').reduce((a, c) => a + Buffer.byteLength(c.text), 0);
const resultBytes = (r) => Buffer.byteLength(JSON.stringify(r));

const keys = [...servers.map((s) => s.key), 'raw'];
const samples = Object.fromEntries(keys.map((k) => [k, { startup: [], first: [], warm: [], logs: [], stats: [], peak: [], idle: [], cpu: [], size: [], sizeAll: [] }]));
const perRound = Object.fromEntries(keys.map((k) => [k, { warm: [], logs: [], stats: [] }]));
const loadStart = os.loadavg()[0];
const tStart = Date.now();

for (let round = 0; round < ROUNDS; round++) {
    log(`round ${round + 1}/${ROUNDS}`);
    // Cold starts that end at once: spawn -> tools/list, then the first list call immediately, as a client does.
    for (let k = 0; k < COLD_EXTRA; k++) {
        for (const s of rotate(servers, round + k)) {
            const p = new Running(s, round);
            try {
                samples[s.key].startup.push(await p.start());
                samples[s.key].first.push((await p.call(s.list)).ms);
            } finally { await p.close(); }
        }
    }
    // The long-lived processes of this round: same start-up, then every call, interleaved across servers.
    const live = new Map();
    for (const s of rotate(servers, round)) {
        const p = new Running(s, round);
        live.set(s.key, p);
        try {
            samples[s.key].startup.push(await p.start());
            const first = await p.call(s.list);
            samples[s.key].first.push(first.ms);
        } catch (e) {
            log(`${s.key} failed to start: ${e.message}\n${p.stderr}`);
            throw e;
        }
    }
    const order = [...servers.map((s) => s.key), 'raw'];
    const warm = Object.fromEntries(order.map((k) => [k, []]));
    for (let i = 0; i < 5; i++) { // warm-up, not timed
        for (const s of servers) await live.get(s.key).call(s.list);
        await rawGet('/containers/json?all=1');
    }
    for (let i = 0; i < WARM; i++) {
        for (const k of rotate(order, i)) {
            if (k === 'raw') { warm.raw.push((await rawGet('/containers/json?all=1')).ms); continue; }
            const s = servers.find((x) => x.key === k);
            const { ms, r } = await live.get(k).call(s.list);
            warm[k].push(ms);
            if (i === WARM - 1) { samples[k].size.push(textBytes(r)); samples[k].sizeAll.push(resultBytes(r)); }
        }
    }
    const logsMs = Object.fromEntries(order.map((k) => [k, []]));
    for (let i = 0; i < LOGS; i++) {
        for (const k of rotate(order, i)) {
            if (k === 'raw') { logsMs.raw.push((await rawGet(`/containers/${L}/logs?stdout=1&stderr=1&tail=1`)).ms); continue; }
            const s = servers.find((x) => x.key === k);
            logsMs[k].push((await live.get(k).call(s.logs)).ms);
        }
    }
    // What every server did so far is the same work: CPU and peak memory are read here.
    for (const s of servers) {
        const p = live.get(s.key);
        samples[s.key].cpu.push(treeCpu(p.pid));
        samples[s.key].peak.push(p.peak());
    }
    const statsMs = Object.fromEntries(order.map((k) => [k, []]));
    const withStats = servers.filter((s) => s.stats);
    await live.get(withStats[0]?.key)?.call(withStats[0].stats); // untimed: the first stats call of a process
    for (const s of withStats.slice(1)) await live.get(s.key).call(s.stats);
    for (let i = 0; i < STATS; i++) {
        for (const k of rotate(['raw', ...withStats.map((s) => s.key)], i)) {
            if (k === 'raw') { statsMs.raw.push((await rawGet(`/containers/${S}/stats?stream=false`)).ms); continue; }
            statsMs[k].push((await live.get(k).call(withStats.find((x) => x.key === k).stats)).ms);
        }
    }
    for (const k of order) {
        perRound[k].warm.push(median(warm[k])); perRound[k].logs.push(median(logsMs[k])); perRound[k].stats.push(median(statsMs[k]));
        samples[k].warm.push(...warm[k]); samples[k].logs.push(...logsMs[k]); samples[k].stats.push(...statsMs[k]);
    }
    log(`round ${round + 1}: idle ${IDLE_S} s`);
    await sleep(IDLE_S * 1000);
    for (const s of servers) {
        const p = live.get(s.key);
        samples[s.key].idle.push(treeRss(p.pid));
        await p.close();
    }
}
agent.destroy();

// ---- the table -------------------------------------------------------------------------------------------------
const fig = (k, f) => median(perRound[k]?.[f]?.length ? perRound[k][f] : samples[k][f]);
const rows = [
    ['spawn → first `tools/list` answer', (k) => median(samples[k].startup), 'ms'],
    ['first list call after start', (k) => median(samples[k].first), 'ms'],
    [`warm list, median of ${WARM}`, (k) => fig(k, 'warm'), 'ms'],
    ['logs, tail 1', (k) => fig(k, 'logs'), 'ms'],
    ['`docker_stats` of one container', (k) => (servers.find((s) => s.key === k)?.stats || k === 'raw' ? fig(k, 'stats') : NaN), 'ms'],
    ['peak RSS (process tree)', (k) => median(samples[k].peak) / 2 ** 20, 'MiB'],
    [`RSS after ${IDLE_S} s idle`, (k) => median(samples[k].idle) / 2 ** 20, 'MiB'],
    ['CPU of the run (user+sys, tree)', (k) => median(samples[k].cpu), 's'],
    ['list answer size (text)', (k) => median(samples[k].size) / 1024, 'KiB'],
    ['list answer size (whole result)', (k) => median(samples[k].sizeAll) / 1024, 'KiB'],
];
const fmt = (v, unit) => Number.isNaN(v) ? '—' : unit === 'ms' ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) + ' ms'
    : unit === 's' ? v.toFixed(2) + ' s' : v.toFixed(1) + ' ' + unit;
const rawCell = (label, k) => {
    if (label.startsWith('warm')) return fmt(fig('raw', 'warm'), 'ms') + ' (GET /containers/json)';
    if (label.startsWith('logs')) return fmt(fig('raw', 'logs'), 'ms') + ' (GET …/logs?tail=1)';
    if (label.includes('stats')) return fmt(fig('raw', 'stats'), 'ms') + ' (one GET …/stats)';
    return '—';
};
const nodeKey = servers.some((s) => s.key === 'node') ? 'node' : null;
const header = ['figure', ...servers.map((s) => s.label), 'raw floor'];
const lines = [`| ${header.join(' | ')} |`, `|---|${header.slice(1).map(() => '---:').join('|')}|`];
const table = {};
for (const [label, f, unit] of rows) {
    const base = nodeKey ? f(nodeKey) : NaN;
    const cells = servers.map((s) => {
        const v = f(s.key);
        table[label] = { ...(table[label] ?? {}), [s.key]: v };
        let ratio = '';
        if (s.key !== nodeKey && !Number.isNaN(v) && !Number.isNaN(base) && base > 0) ratio = ` (${(v / base).toFixed(2)}×)`;
        if (label.includes('stats') && !Number.isNaN(v)) ratio = ` (${(v / fig('raw', 'stats')).toFixed(2)}× raw)`;
        return fmt(v, unit) + ratio;
    });
    table[label].raw = label.startsWith('warm') ? fig('raw', 'warm') : label.startsWith('logs') ? fig('raw', 'logs') : label.includes('stats') ? fig('raw', 'stats') : null;
    lines.push(`| ${label} | ${cells.join(' | ')} | ${rawCell(label)} |`);
}
const minutes = ((Date.now() - tStart) / 60000).toFixed(1);
const notes = [
    '',
    `Ratios (×) are to docker-mcp 1.0.0 in the same run; \`docker_stats\` is against one raw stats call. Medians over ${ROUNDS} rounds `
    + `(start-up and first call: ${ROUNDS * (COLD_EXTRA + 1)} spawns each; warm, logs and stats: median per round, then the median of the rounds). `
    + `Interleaved call by call. Idle: ${IDLE_S} s. Load average at start ${loadStart.toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)}; run took ${minutes} min.`,
    opt.info ? `\n${opt.info}` : '',
];
const md = lines.join('\n') + '\n' + notes.join('\n') + '\n';
process.stdout.write(md);
if (opt.markdown) fs.writeFileSync(opt.markdown, md);
if (opt.json) fs.writeFileSync(opt.json, JSON.stringify({ options: opt, table, samples, perRound }, null, 1));
process.exit(0);
