// End-to-end test: drives the BUILT docker-mcp-secure (bin/docker-mcp-secure -> target/docker-mcp-secure.jar)
// over stdio with the official MCP TypeScript SDK client, against the two throwaway Docker daemons of
// scripts/test-engines.sh (a unix-socket one and a mutual-TLS one, with fixture containers and images).
//
//   cd e2e && npm ci && npm test         (or e2e/run.sh)
//
// The same scenarios run against the packaged artifacts (e2e/dist/run.sh): DMS_E2E_SERVER is the server command
// as a JSON array (npx of the npm package, docker run of the image) instead of bin/docker-mcp-secure, and
// DMS_E2E_HOSTS=local keeps to the unix-socket engine (a container with --network none cannot reach the TLS
// engine on the host's loopback).
//
// The engines env file comes from $DMS_ENGINES_ENV, else from `scripts/test-engines.sh env`.
// Every tools/call goes through Client.callTool, which validates structuredContent against the tool's
// outputSchema (listTools is called first in every scenario so that the SDK has the schemas).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [SERVER_COMMAND, ...SERVER_ARGS] = process.env.DMS_E2E_SERVER
  ? JSON.parse(process.env.DMS_E2E_SERVER)
  : [path.join(REPO_ROOT, 'bin', 'docker-mcp-secure')];
const JAR = process.env.DOCKER_MCP_JAR || path.join(REPO_ROOT, 'target', 'docker-mcp-secure.jar');
const BOTH_ENGINES = process.env.DMS_E2E_HOSTS !== 'local';
const NEEDS_TLS_ENGINE = !BOTH_ENGINES && 'DMS_E2E_HOSTS=local: this server cannot reach the TLS engine';

// the reviewed tools/list snapshot, which ToolListTest keeps equal to the server's registry
const TOOL_NAMES = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'src/test/resources/snapshots/tools-list.json'), 'utf8'))
  .map((t) => t.name).sort();

// Values set on the fixtures that must never reach a client or the audit log.
const SECRETS = ['hunter2', 'tok-abc123', 'wJalrXUtnFEMI', 's3cr3t'];
const REDACTED = '[REDACTED]';
const CHATTY_LINES = [
  { stream: 'stdout', text: 'out-1' },
  { stream: 'stderr', text: 'err-1' },
  { stream: 'stdout', text: 'out-2' },
  { stream: 'stderr', text: 'err-2' },
  { stream: 'stdout', text: 'out-3' },
];
const WEB_MEMORY_BYTES = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------
// Set-up: engines env file, server configurations, temp dir

function loadEnginesEnv() {
  let file = process.env.DMS_ENGINES_ENV;
  if (!file) {
    try {
      file = execFileSync(path.join(REPO_ROOT, 'scripts', 'test-engines.sh'), ['env'], { encoding: 'utf8' }).trim();
    } catch {
      throw new Error('the test Docker engines are not up: run scripts/test-engines.sh up (or set DMS_ENGINES_ENV)');
    }
  }
  const env = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  for (const key of ['UNIX_DOCKER_HOST', 'TLS_DOCKER_HOST', 'TLS_CERT_PATH']) {
    if (!env[key]) throw new Error(`${file} has no ${key}`);
  }
  return env;
}

if (!process.env.DMS_E2E_SERVER && !fs.existsSync(JAR)) {
  throw new Error(`${JAR} not found: build it first with 'mvn -B -q package -DskipTests' in ${REPO_ROOT}`);
}
const ENGINES = loadEnginesEnv();
const LOCAL_CONFIG = { ALLOW_LOCAL_DOCKER: 'true', LOCAL_DOCKER_HOST: ENGINES.UNIX_DOCKER_HOST };
const REMOTE_CONFIG = {
  DOCKER_HOST: ENGINES.TLS_DOCKER_HOST,
  DOCKER_TLS_VERIFY: '1',
  DOCKER_CERT_PATH: ENGINES.TLS_CERT_PATH,
};
const DUAL_CONFIG = { ...LOCAL_CONFIG, ...REMOTE_CONFIG };
const ALL_CONFIG = BOTH_ENGINES ? DUAL_CONFIG : LOCAL_CONFIG;

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'dms-e2e-'));
process.on('exit', () => fs.rmSync(TMP, { recursive: true, force: true }));
// a server in a container writes its audit file here as its own user
if (process.env.DMS_E2E_SERVER) fs.chmodSync(TMP, 0o1777);

// ---------------------------------------------------------------------------------------------------
// A server under test: the launcher spawned by the SDK's StdioClientTransport, its audit file, the
// calls made to it (for the audit check) and its exit.

async function startServer(label, config) {
  const auditFile = path.join(TMP, `audit-${label}.log`);
  // Only what is given here (plus the SDK's safe defaults: HOME, PATH, ...) reaches the server: no
  // DOCKER_HOST or ALLOW_LOCAL_DOCKER leaks in from the environment of the test run.
  const env = { ...config, SECURITY_AUDIT_LOG_FILE: auditFile };
  for (const key of ['JAVA_HOME', 'DOCKER_MCP_JAR', 'DOCKER_MCP_JAVA_OPTS', 'TMPDIR']) {
    if (process.env[key]) env[key] = process.env[key];
  }
  const transport = new StdioClientTransport({ command: SERVER_COMMAND, args: SERVER_ARGS, env, cwd: REPO_ROOT, stderr: 'pipe' });
  let stderr = '';
  transport.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const client = new Client({ name: 'docker-mcp-secure-e2e', version: '1.0.0' });
  await client.connect(transport);
  // The SDK keeps the child process in a private field; we need it for the exit code.
  const proc = transport._process;
  assert.ok(proc && typeof proc.once === 'function', 'StdioClientTransport._process (the server child process) is not accessible');
  const exited = new Promise((resolve) => {
    proc.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
  const tools = (await client.listTools()).tools; // also gives the SDK the output schemas to validate against

  const server = {
    label,
    client,
    proc,
    tools,
    auditFile,
    calls: [],
    stderr: () => stderr,
    closed: null,

    /** Calls a tool through the SDK (which validates structuredContent); checks what every result must satisfy. */
    async call(name, args = {}, options = {}) {
      const t0 = performance.now();
      server.calls.push({ name, args });
      let result;
      try {
        result = await client.callTool({ name, arguments: args }, undefined, options);
      } catch (err) {
        err.message += `\n(${name} ${shortJson(args)} after ${Math.round(performance.now() - t0)} ms; server stderr, last 3000 chars:)\n${stderr.slice(-3000)}`;
        throw err;
      }
      const ms = performance.now() - t0;
      const json = JSON.stringify(result);
      for (const secret of SECRETS) {
        assert.ok(!json.includes(secret), `${name} ${shortJson(args)}: result contains the secret '${secret}': ${json.slice(0, 2000)}`);
      }
      assert.ok(Array.isArray(result.content) && result.content.length >= 1, `${name}: no content`);
      assert.equal(result.content[0].type, 'text', `${name}: first content item is not text`);
      server.calls[server.calls.length - 1].isError = result.isError === true;
      return { result, ms, text: result.content.map((c) => c.text ?? '').join('\n'), data: result.structuredContent };
    },

    /** A successful call: not isError, with structuredContent (already schema-checked by the SDK). */
    async ok(name, args = {}) {
      const r = await server.call(name, args);
      assert.notEqual(r.result.isError, true, `${name} ${shortJson(args)} failed: ${r.text}`);
      assert.equal(typeof r.data, 'object', `${name}: no structuredContent`);
      return r;
    },

    /** A failed call: isError with one sentence and no Java internals. */
    async fails(name, args = {}) {
      const r = await server.call(name, args);
      assert.equal(r.result.isError, true, `${name} ${shortJson(args)} should have failed, got: ${r.text.slice(0, 500)}`);
      assertOneSentence(r.result, `${name} ${shortJson(args)}`);
      return r;
    },

    /**
     * Ends the server's stdin and waits for it to exit by itself (the describe's timeout guards against a hang),
     * then closes the client. Not client.close() first: it sends SIGTERM when the exit takes over 2 s, which a
     * busy machine can miss.
     */
    async close() {
      if (!server.closed) {
        server.closed = (async () => {
          proc.stdin.end();
          const exit = await exited;
          await client.close();
          return { code: exit.code, signal: exit.signal };
        })();
      }
      return server.closed;
    },
  };
  return server;
}

function shortJson(v) {
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

function assertOneSentence(result, what) {
  assert.equal(result.content.length, 1, `${what}: an error should be one text item`);
  const text = result.content[0].text;
  assert.equal(typeof text, 'string', `${what}: error text is not a string`);
  assert.ok(text.trim().length > 0, `${what}: empty error text`);
  assert.ok(!/[\r\n]/.test(text), `${what}: error text has line breaks: ${text}`);
  assert.match(text, /[.!?]$/, `${what}: error text is not a sentence: ${text}`);
  assert.doesNotMatch(text, /[.!?]\s+[A-Z]/, `${what}: error text has more than one sentence: ${text}`);
  assert.ok(text.length <= 600, `${what}: error text is ${text.length} characters long`);
  for (const internal of ['Exception', 'at java.', 'Caused by', '\tat ', 'NullPointer', '.java:']) {
    assert.ok(!text.includes(internal), `${what}: error text shows Java internals ('${internal}'): ${text}`);
  }
}

/** The audit file holds one JSON line per tools/call made, in order, with the right outcome and no secret. */
function checkAudit(server) {
  if (server.calls.length === 0 && !fs.existsSync(server.auditFile)) return;
  assert.ok(fs.existsSync(server.auditFile), `no audit file at ${server.auditFile}`);
  const raw = fs.readFileSync(server.auditFile, 'utf8');
  for (const secret of SECRETS) {
    assert.ok(!raw.includes(secret), `audit log contains the secret '${secret}'`);
  }
  const lines = raw.split('\n').filter((l) => l.length > 0);
  assert.equal(lines.length, server.calls.length,
    `audit log has ${lines.length} lines for ${server.calls.length} calls:\n${lines.map((l) => l.slice(0, 200)).join('\n')}`);
  lines.forEach((line, i) => {
    const call = server.calls[i];
    let rec;
    assert.doesNotThrow(() => { rec = JSON.parse(line); }, `audit line ${i + 1} is not JSON: ${line.slice(0, 200)}`);
    assert.equal(rec.tool, call.name, `audit line ${i + 1}: tool`);
    assert.ok(!Number.isNaN(Date.parse(rec.time)), `audit line ${i + 1}: time '${rec.time}'`);
    assert.equal(typeof rec.arguments, 'object', `audit line ${i + 1}: arguments`);
    // names the tool does not have are only counted (unknownArguments), never written
    const names = Object.keys(rec.arguments);
    assert.ok(names.every((k) => k in call.args), `audit line ${i + 1}: argument names ${names}`);
    assert.equal(names.length + (rec.unknownArguments ?? 0), Object.keys(call.args).length, `audit line ${i + 1}: unknown arguments counted`);
    assert.equal(typeof rec.host, 'string', `audit line ${i + 1}: host`);
    assert.ok(['ok', 'error', 'refused'].includes(rec.outcome), `audit line ${i + 1}: outcome '${rec.outcome}'`);
    assert.equal(rec.outcome === 'ok', call.isError === false,
      `audit line ${i + 1} (${call.name} ${shortJson(call.args)}): outcome '${rec.outcome}' but the call isError=${call.isError}`);
    assert.ok(Number.isInteger(rec.durationMs) && rec.durationMs >= 0, `audit line ${i + 1}: durationMs`);
    assert.ok(Number.isInteger(rec.resultBytes) && rec.resultBytes >= 0, `audit line ${i + 1}: resultBytes`);
  });
}

/** Closing the client closes the server's stdin: the server must exit by itself, with 0, at once. */
async function checkCleanExit(server) {
  const exit = await server.close();
  assert.equal(exit.signal, null, `${server.label}: server was killed by ${exit.signal} (did not exit on stdin close)\n${server.stderr()}`);
  assert.equal(exit.code, 0, `${server.label}: server exit code ${exit.code}\n${server.stderr()}`);
}

function byHost(items) {
  const m = {};
  for (const it of items) (m[it.host] ??= []).push(it);
  return m;
}

// ---------------------------------------------------------------------------------------------------
// 1. Dual source: local = unix daemon, remote = TLS daemon

describe('dual source (local unix + remote TLS)', { timeout: 180_000, skip: NEEDS_TLS_ENGINE }, () => {
  let s;
  before(async () => {
    s = await startServer('dual', DUAL_CONFIG);
  });
  after(async () => {
    await s?.close();
  });

  it('lists exactly the registered read-only tools, with titles and output schemas', () => {
    assert.deepEqual(s.tools.map((t) => t.name).sort(), TOOL_NAMES);
    for (const t of s.tools) {
      assert.equal(typeof t.title, 'string', `${t.name}: no title`);
      assert.ok(t.title.length > 0, `${t.name}: empty title`);
      assert.ok(t.description && t.description.length > 0, `${t.name}: no description`);
      assert.equal(t.inputSchema?.type, 'object', `${t.name}: inputSchema`);
      assert.equal(t.outputSchema?.type, 'object', `${t.name}: no outputSchema`);
      // the SDK will check every structuredContent of this tool against it
      assert.equal(typeof s.client.getToolOutputValidator(t.name), 'function', `${t.name}: the SDK has no output validator`);
      assert.ok(t.annotations, `${t.name}: no annotations`);
      assert.equal(t.annotations.readOnlyHint, true, `${t.name}: readOnlyHint`);
      assert.equal(t.annotations.destructiveHint, false, `${t.name}: destructiveHint`);
      assert.equal(t.annotations.idempotentHint, true, `${t.name}: idempotentHint`);
      assert.equal(t.annotations.openWorldHint, false, `${t.name}: openWorldHint`);
    }
  });

  it('identifies itself and gives instructions', () => {
    assert.equal(s.client.getServerVersion()?.name, 'docker-mcp-secure');
    const instructions = s.client.getInstructions();
    assert.equal(typeof instructions, 'string');
    assert.ok(instructions.trim().length > 0, 'instructions are empty');
  });

  it('docker_list_containers shows the containers of both hosts', async () => {
    const { data, text } = await s.ok('docker_list_containers', { all: true });
    const hosts = byHost(data.containers);
    const names = (h) => (hosts[h] ?? []).map((c) => c.name);
    assert.deepEqual(Object.keys(hosts).sort(), ['local', 'remote']);
    for (const name of ['web', 'chatty', 'stopped']) {
      assert.ok(names('local').includes(name), `${name} missing on local: ${names('local')}`);
      assert.ok(names('remote').includes(name), `${name} missing on remote: ${names('remote')}`);
    }
    assert.ok(names('local').includes('only-local'));
    assert.ok(!names('local').includes('only-remote'));
    assert.ok(names('remote').includes('only-remote'));
    assert.ok(!names('remote').includes('only-local'));
    assert.equal(data.count, data.containers.length);
    assert.deepEqual(data.errors, []);
    assert.equal(data.containers.find((c) => c.name === 'stopped').state, 'exited');
    assert.match(text, /only-local\b.*host=local/);
    assert.match(text, /only-remote\b.*host=remote/);

    // the filters: running containers labelled app=web, on one host
    const filtered = await s.ok('docker_list_containers', { label: 'app=web', status: 'running', host: 'remote' });
    assert.deepEqual(filtered.data.containers.map((c) => [c.host, c.name]), [['remote', 'web']]);
  });

  it('docker_inspect web (with host) redacts secret env values and keeps plain ones', async () => {
    for (const host of ['local', 'remote']) {
      const { data, text } = await s.ok('docker_inspect', { container: 'web', host });
      assert.equal(data.host, host);
      assert.equal(data.name, 'web');
      assert.equal(data.image, 'dms-fixture:1');
      assert.equal(data.notice, undefined, 'no notice when the host is given');
      assert.deepEqual(data.labels, { app: 'web', tier: 'frontend' });
      assert.equal(data.resources.memoryBytes, WEB_MEMORY_BYTES);
      assert.equal(data.state.running, true);
      assert.equal(data.state.health?.status, 'healthy');
      const env = data.env;
      assert.ok(env.includes(`DB_PASSWORD=${REDACTED}`), `env: ${env}`);
      assert.ok(env.includes(`API_TOKEN=${REDACTED}`), `env: ${env}`);
      assert.ok(env.includes(`AWS_SECRET_ACCESS_KEY=${REDACTED}`), `env: ${env}`);
      const dbUrl = env.find((e) => e.startsWith('DATABASE_URL='));
      // a URL with credentials under a secret-looking name is hidden whole (the configuration rule), not only its password
      assert.equal(dbUrl, `DATABASE_URL=${REDACTED}`, `DATABASE_URL: ${dbUrl}`);
      assert.ok(env.includes('PLAIN_SETTING=visible-value'), `env: ${env}`);
      assert.ok(text.includes('PLAIN_SETTING=visible-value'));
      assert.ok(text.includes(`DB_PASSWORD=${REDACTED}`));
    }
  });

  it('docker_inspect web without host notes that it exists on both hosts', async () => {
    const { data, text } = await s.ok('docker_inspect', { container: 'web' });
    assert.equal(typeof data.notice, 'string', 'no notice');
    assert.match(data.notice, /local/);
    assert.match(data.notice, /remote/);
    assert.ok(text.includes(data.notice), 'the notice is not in the text content');
    assert.ok(data.env.includes('PLAIN_SETTING=visible-value'));
  });

  it('docker_inspect finds a container that only one host has', async () => {
    const local = await s.ok('docker_inspect', { container: 'only-local' });
    assert.equal(local.data.host, 'local');
    const remote = await s.ok('docker_inspect', { container: 'only-remote' });
    assert.equal(remote.data.host, 'remote');
  });

  it('docker_logs of chatty gives the 5 lines with their streams, in order', async () => {
    for (const host of ['local', 'remote']) {
      const { data, text } = await s.ok('docker_logs', { container: 'chatty', host, tail: 100 });
      assert.equal(data.host, host);
      assert.equal(data.container, 'chatty');
      assert.deepEqual(data.lines, CHATTY_LINES);
      assert.equal(data.lineCount, 5);
      assert.equal(data.truncated, false);
      const shown = text.split('\n').filter((l) => /^(out|err)\| /.test(l));
      assert.deepEqual(shown, ['out| out-1', 'err| err-1', 'out| out-2', 'err| err-2', 'out| out-3']);
    }
    // stream selection and timestamps
    const outOnly = await s.ok('docker_logs', { container: 'chatty', host: 'local', stderr: false, timestamps: true });
    assert.deepEqual(outOnly.data.lines.map((l) => l.stream), ['stdout', 'stdout', 'stdout']);
    assert.deepEqual(outOnly.data.lines.map((l) => l.text), ['out-1', 'out-2', 'out-3']);
    for (const l of outOnly.data.lines) {
      assert.match(l.time ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, `no timestamp: ${JSON.stringify(l)}`);
      assert.ok(outOnly.text.includes(`${l.time} ${l.text}`), `the text content lacks '${l.time} ${l.text}'`);
    }
    const last2 = await s.ok('docker_logs', { container: 'chatty', host: 'remote', tail: 2 });
    assert.deepEqual(last2.data.lines, CHATTY_LINES.slice(3));
  });

  it('docker_stats without container samples the running containers of both hosts', async () => {
    const { data, text } = await s.ok('docker_stats', {});
    const hosts = byHost(data.samples);
    assert.deepEqual(Object.keys(hosts).sort(), ['local', 'remote']);
    for (const h of ['local', 'remote']) {
      const web = hosts[h].find((x) => x.name === 'web');
      assert.ok(web, `no web sample on ${h}`);
      assert.equal(web.memoryLimitBytes, WEB_MEMORY_BYTES);
      assert.ok(web.memoryUsageBytes > 0);
      assert.ok(!hosts[h].some((x) => x.name === 'stopped'), 'a stopped container has no stats');
    }
    assert.ok(hosts.local.some((x) => x.name === 'only-local'));
    assert.ok(hosts.remote.some((x) => x.name === 'only-remote'));
    assert.deepEqual(data.errors, []);
    assert.match(text, /web .*host=local/);
    assert.match(text, /web .*host=remote/);

    const one = await s.ok('docker_stats', { container: 'web', host: 'local' });
    assert.deepEqual(one.data.samples.map((x) => [x.host, x.name]), [['local', 'web']]);
  });

  it('docker_list_images has dms-fixture:1 on both hosts', async () => {
    const { data, text } = await s.ok('docker_list_images', {});
    const hosts = byHost(data.images);
    for (const h of ['local', 'remote']) {
      const img = (hosts[h] ?? []).find((i) => i.tags.includes('dms-fixture:1'));
      assert.ok(img, `dms-fixture:1 missing on ${h}`);
      assert.ok(img.tags.includes('example.com/team/app:2.0'), `tags on ${h}: ${img.tags}`);
      assert.ok((hosts[h] ?? []).some((i) => i.tags.includes('dms-fixture:secrets')));
    }
    assert.ok(text.includes('dms-fixture:1'));

    const filtered = await s.ok('docker_list_images', { reference: 'dms-fixture:secrets', host: 'local' });
    assert.deepEqual(filtered.data.images.map((i) => i.tags), [['dms-fixture:secrets']]);
  });

  it('docker_image_info dms-fixture:secrets shows its config with secrets redacted', async () => {
    const { data, text } = await s.ok('docker_image_info', { image: 'dms-fixture:secrets', host: 'remote' });
    assert.equal(data.host, 'remote');
    assert.ok(data.tags.includes('dms-fixture:secrets'));
    assert.equal(data.config.user, '1000');
    assert.equal(data.config.workingDir, '/srv');
    assert.ok(data.config.exposedPorts.includes('8080/tcp'), `exposedPorts: ${data.config.exposedPorts}`);
    assert.ok(data.config.env.includes(`DB_PASSWORD=${REDACTED}`), `env: ${data.config.env}`);
    assert.ok(data.config.env.includes('PLAIN_SETTING=visible-value'), `env: ${data.config.env}`);
    assert.ok(text.includes('8080/tcp') && text.includes('/srv'));

    const noHost = await s.ok('docker_image_info', { image: 'dms-fixture:secrets' });
    assert.match(noHost.data.notice ?? '', /local.*remote|remote.*local/, 'no notice that the image exists on both hosts');
  });

  it('docker_connection_status shows both hosts reachable, over unix and tls', async () => {
    const { data, text } = await s.ok('docker_connection_status', {});
    const hosts = Object.fromEntries(data.hosts.map((h) => [h.name, h]));
    assert.deepEqual(Object.keys(hosts).sort(), ['local', 'remote']);
    assert.equal(hosts.local.reachable, true);
    assert.equal(hosts.local.transport, 'unix');
    assert.equal(hosts.remote.reachable, true);
    assert.equal(hosts.remote.transport, 'tls');
    for (const h of Object.values(hosts)) {
      assert.ok(h.containers >= 4, `${h.name}: containers ${h.containers}`);
      assert.ok(typeof h.engineVersion === 'string' && h.engineVersion.length > 0);
    }
    assert.match(text, /local: .*reachable/);
    assert.match(text, /remote: .*reachable/);
  });

  it('closing the client ends the server with exit code 0', async () => {
    await checkCleanExit(s);
  });

  it('the audit file has one JSON line per call, with no secret', () => {
    checkAudit(s);
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. Bad inputs: isError with one sentence, and the server keeps serving

describe('bad inputs', { timeout: 180_000, skip: NEEDS_TLS_ENGINE }, () => {
  let s;
  before(async () => {
    s = await startServer('bad-inputs', DUAL_CONFIG);
  });
  after(async () => {
    await s?.close();
  });

  const refused = [
    ['docker_inspect', { container: '../../images/create' }],
    ['docker_inspect', { container: 'web?x=1' }],
    ['docker_inspect', { container: 'a/b' }],
    ['docker_inspect', { container: '--help' }],
    ['docker_inspect', { container: '' }],
    ['docker_inspect', { container: 'x'.repeat(10_000) }],
    ['docker_inspect', { container: 'web%2F..%2F..' }],
    ['docker_inspect', { container: 'web\nx' }],
    ['docker_inspect', {}],
    ['docker_inspect', { container: 'web', host: 'elsewhere' }],
    ['docker_inspect', { container: 'DB_PASSWORD=hunter2' }],
    ['docker_logs', { container: 'chatty', tail: -1 }],
    ['docker_logs', { container: 'chatty', tail: 100_000 }],
    ['docker_logs', { container: 'chatty', tail: 'ten' }],
    ['docker_inspect', { container: 'web', bogus: 1 }],
    ['docker_list_containers', { all: 'yes please' }],
    ['docker_image_info', { image: 'dms-fixture:1?x=../../' }],
  ];
  for (const [name, args] of refused) {
    it(`${name} ${shortJson(args)} is refused with one sentence, before any engine work`, async () => {
      const r = await s.fails(name, args);
      // 'refused' is the outcome of input validation and of the read-only guard, both before a byte goes to an engine
      const last = fs.readFileSync(s.auditFile, 'utf8').trim().split('\n').pop();
      assert.equal(JSON.parse(last).outcome, 'refused', `audited as: ${last.slice(0, 300)} (answer: ${r.text.slice(0, 200)})`);
    });
  }

  it('a nonexistent container is an error naming the container', async () => {
    const r = await s.fails('docker_inspect', { container: 'no-such-container' });
    assert.match(r.text, /no-such-container/);
    const logs = await s.fails('docker_logs', { container: 'no-such-container', host: 'remote' });
    assert.match(logs.text, /no-such-container/);
    const img = await s.fails('docker_image_info', { image: 'no-such-image:0' });
    assert.match(img.text, /no-such-image/);
  });

  it('the server keeps serving after all that', async () => {
    assert.equal(s.proc.exitCode, null, 'the server process has exited');
    const { data } = await s.ok('docker_list_containers', {});
    assert.ok(data.containers.some((c) => c.name === 'web'));
    const logs = await s.ok('docker_logs', { container: 'chatty', host: 'local' });
    assert.deepEqual(logs.data.lines, CHATTY_LINES);
  });

  it('closing the client ends the server with exit code 0', async () => {
    await checkCleanExit(s);
  });

  it('the audit file has one JSON line per call, with no secret', () => {
    checkAudit(s);
  });
});

// ---------------------------------------------------------------------------------------------------
// 3a. A single host: the remote TLS one (no ALLOW_LOCAL_DOCKER), then the local unix one (no DOCKER_HOST)

function singleHost({ host, other, config, transport, enable }) {
  return () => {
    let s;
    before(async () => {
      s = await startServer(`${host}-only`, config);
    });
    after(async () => {
      await s?.close();
    });

    it('lists the registered tools', () => {
      assert.deepEqual(s.tools.map((t) => t.name).sort(), TOOL_NAMES);
    });

    it(`every tool works against the ${host} host only`, async () => {
      const list = await s.ok('docker_list_containers', { all: true });
      const names = list.data.containers.map((c) => c.name);
      assert.ok(names.includes('web') && names.includes(`only-${host}`), `containers: ${names}`);
      assert.ok(!names.includes(`only-${other}`), `containers: ${names}`);
      assert.ok(list.data.containers.every((c) => c.host === host));

      const inspect = await s.ok('docker_inspect', { container: 'web' });
      assert.equal(inspect.data.host, host);
      assert.equal(inspect.data.notice, undefined, 'a notice with only one host configured');
      assert.ok(inspect.data.env.includes(`DB_PASSWORD=${REDACTED}`));
      assert.ok(inspect.data.env.includes('PLAIN_SETTING=visible-value'));

      const logs = await s.ok('docker_logs', { container: 'chatty' });
      assert.deepEqual(logs.data.lines, CHATTY_LINES);

      const stats = await s.ok('docker_stats', { container: 'web' });
      assert.deepEqual(stats.data.samples.map((x) => [x.host, x.name]), [[host, 'web']]);

      const images = await s.ok('docker_list_images', {});
      assert.ok(images.data.images.some((i) => i.host === host && i.tags.includes('dms-fixture:1')));

      const info = await s.ok('docker_image_info', { image: 'dms-fixture:secrets' });
      assert.equal(info.data.config.user, '1000');
      assert.equal(info.data.notice, undefined);

      const status = await s.ok('docker_connection_status', {});
      assert.deepEqual(status.data.hosts.map((h) => [h.name, h.transport, h.reachable]), [[host, transport, true]]);
    });

    it(`asking for the ${other} host is an error that says how to enable it`, async () => {
      const r = await s.fails('docker_list_containers', { host: other });
      assert.match(r.text, enable);
      const gone = await s.fails('docker_inspect', { container: `only-${other}` });
      assert.match(gone.text, new RegExp(`only-${other}`));
    });

    it('closing the client ends the server with exit code 0', async () => {
      await checkCleanExit(s);
    });

    it('the audit file has one JSON line per call, with no secret', () => {
      checkAudit(s);
    });
  };
}

describe('single remote TLS host', { timeout: 180_000, skip: NEEDS_TLS_ENGINE },
  singleHost({ host: 'remote', other: 'local', config: REMOTE_CONFIG, transport: 'tls', enable: /ALLOW_LOCAL_DOCKER/ }));

describe('single local unix host', { timeout: 180_000 },
  singleHost({ host: 'local', other: 'remote', config: LOCAL_CONFIG, transport: 'unix', enable: /DOCKER_HOST/ }));

// ---------------------------------------------------------------------------------------------------
// 3b. No configuration at all

describe('no configuration', { timeout: 180_000 }, () => {
  let s;
  before(async () => {
    s = await startServer('unconfigured', {});
  });
  after(async () => {
    await s?.close();
  });

  it('starts and lists the registered tools', () => {
    assert.deepEqual(s.tools.map((t) => t.name).sort(), TOOL_NAMES);
    assert.equal(s.client.getServerVersion()?.name, 'docker-mcp-secure');
  });

  const calls = [
    ['docker_list_containers', {}],
    ['docker_inspect', { container: 'web' }],
    ['docker_logs', { container: 'chatty' }],
    ['docker_stats', {}],
    ['docker_list_images', {}],
    ['docker_image_info', { image: 'dms-fixture:1' }],
    ['docker_connection_status', {}],
    ['docker_security_audit', {}],
  ];
  for (const [name, args] of calls) {
    it(`${name} says to set DOCKER_HOST or ALLOW_LOCAL_DOCKER`, async () => {
      const r = await s.fails(name, args);
      assert.match(r.text, /DOCKER_HOST/);
      assert.match(r.text, /ALLOW_LOCAL_DOCKER/);
    });
  }

  it('closing the client ends the server with exit code 0', async () => {
    await checkCleanExit(s);
  });

  it('the audit file has one JSON line per call, with no secret', () => {
    checkAudit(s);
  });
});

// ---------------------------------------------------------------------------------------------------
// 4. Prompts and argument completion (prompts/list, prompts/get, completion/complete), with a deny rule

describe('prompts and completion', { timeout: 180_000 }, () => {
  let s;
  before(async () => {
    s = await startServer('prompts', { ...LOCAL_CONFIG, CONTAINER_DENY: 'chatty' });
  });
  after(async () => {
    await s?.close();
  });

  const complete = async (prompt, name, value, context) =>
    (await s.client.complete({ ref: { type: 'ref/prompt', name: prompt }, argument: { name, value }, ...(context ? { context: { arguments: context } } : {}) })).completion;

  it('advertises prompts and completions and lists the three prompts with their arguments', async () => {
    const caps = s.client.getServerCapabilities();
    assert.ok(caps.prompts, 'no prompts capability');
    assert.ok(caps.completions, 'no completions capability');
    const { prompts } = await s.client.listPrompts();
    // the SDK keeps prompts in a hash map: their order is not ours
    assert.deepEqual(prompts.map((p) => [p.name, p.arguments.map((a) => `${a.name}${a.required ? '!' : ''}`)]).sort(), [
      ['diagnose_container', ['container!', 'host']],
      ['security_review', ['container', 'host']],
      ['troubleshoot_connection', ['host']],
    ]);
    for (const p of prompts) assert.ok(p.description?.length > 0, `${p.name}: no description`);
  });

  it('prompts/get renders one user message naming the tools, the container and the host', async () => {
    const r = await s.client.getPrompt({ name: 'diagnose_container', arguments: { container: 'web', host: 'local' } });
    assert.equal(r.messages.length, 1);
    assert.equal(r.messages[0].role, 'user');
    const text = r.messages[0].content.text;
    for (const part of ["docker_inspect (container='web', host='local')", 'docker_logs', 'docker_stats', 'a person decides']) {
      assert.ok(text.includes(part), `missing ${part}: ${text}`);
    }
    const review = await s.client.getPrompt({ name: 'security_review', arguments: {} });
    assert.match(review.messages[0].content.text, /docker_security_audit/);
    const conn = await s.client.getPrompt({ name: 'troubleshoot_connection' });
    assert.match(conn.messages[0].content.text, /docker_connection_status/);
  });

  const rejected = [
    ['an unknown prompt', { name: 'nope' }, /there is no prompt 'nope'; this server has diagnose_container/],
    ['a missing container', { name: 'diagnose_container', arguments: {} }, /needs the argument 'container'/],
    ['a container outside the name grammar', { name: 'diagnose_container', arguments: { container: '../x' } }, /not a valid Docker container name/],
    ['an unconfigured host', { name: 'troubleshoot_connection', arguments: { host: 'remote' } }, /Host 'remote' is not configured: this server has 'local'/],
    ['an argument the prompt does not take', { name: 'troubleshoot_connection', arguments: { container: 'web' } }, /has no argument 'container'/],
  ];
  for (const [what, params, message] of rejected) {
    it(`prompts/get with ${what} is a JSON-RPC invalid-params error of one sentence`, async () => {
      await assert.rejects(s.client.getPrompt(params), (e) => {
        assert.equal(e.code, -32602, String(e));
        assert.match(e.message, message);
        assert.ok(!/[\r\n]|Exception|\bat [a-z]+\./.test(e.message), `not one clean sentence: ${e.message}`);
        return true;
      });
    });
  }

  it('completion offers visible container names by prefix, never a denied one, and the configured hosts', async () => {
    const all = await complete('diagnose_container', 'container', '');
    assert.ok(all.values.includes('web') && all.values.includes('stopped'), `values: ${all.values}`);
    assert.ok(!all.values.includes('chatty'), `a denied container is offered: ${all.values}`);
    assert.equal(all.total, all.values.length);
    assert.equal(all.hasMore, false);
    const we = await complete('security_review', 'container', 'we', { host: 'local' });
    assert.ok(we.values.length > 0 && we.values.every((v) => v.startsWith('we')), `values: ${we.values}`);
    assert.deepEqual(await complete('diagnose_container', 'container', 'chat'), await complete('diagnose_container', 'container', 'nosuch'),
      'a denied prefix answers like a missing one');
    assert.deepEqual((await complete('troubleshoot_connection', 'host', '')).values, ['local']);
  });

  it('completion for an unknown prompt or argument is an invalid-params error', async () => {
    await assert.rejects(complete('nope', 'container', ''), (e) => e.code === -32602 && /there is no prompt 'nope'/.test(e.message));
    await assert.rejects(complete('troubleshoot_connection', 'container', ''), (e) => e.code === -32602 && /has no argument 'container'/.test(e.message));
  });

  it('closing the client ends the server with exit code 0', async () => {
    await checkCleanExit(s);
  });

  it('each completion is audited like a tool call; prompts/get, which reads no engine, is not', () => {
    const lines = fs.readFileSync(s.auditFile, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
    // the five completions answered above; those refused before the SDK (unknown prompt or argument) read nothing
    assert.deepEqual(lines.map((r) => [r.tool, r.outcome, r.arguments.argument, r.arguments.value]), [
      ['completion/complete', 'ok', 'container', ''],
      ['completion/complete', 'ok', 'container', 'we'],
      ['completion/complete', 'ok', 'container', 'chat'],
      ['completion/complete', 'ok', 'container', 'nosuch'],
      ['completion/complete', 'ok', 'host', ''],
    ]);
    assert.equal(lines[1].host, 'local');
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. Closing stdin right after start-up, with nothing else done

describe('shutdown', { timeout: 180_000 }, () => {
  it('closing the client right after the handshake ends the server with exit code 0', async () => {
    const s = await startServer('shutdown', ALL_CONFIG);
    await checkCleanExit(s);
    checkAudit(s); // no calls: no lines (or no file)
  });
});
