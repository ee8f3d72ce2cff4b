// End-to-end test of the Streamable HTTP transport with the official MCP Inspector CLI
// (@modelcontextprotocol/inspector --cli, pinned in package.json). e2e/http/run.sh starts the built server
// (bearer token generated in its state dir, host 'local' = the unix-socket test engine) and passes:
//   DMS_HTTP_URL         http://127.0.0.1:PORT/mcp
//   DMS_HTTP_TOKEN_FILE  the token file the server generated
//   DMS_HTTP_AUDIT       the server's audit log
//   DMS_HTTP_HOME        a scratch HOME for the Inspector (it keeps a catalog file there)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const inspector = path.join(here, 'node_modules', '@modelcontextprotocol', 'inspector', 'clients', 'launcher', 'build', 'index.js');
const url = process.env.DMS_HTTP_URL;
const token = readFileSync(process.env.DMS_HTTP_TOKEN_FILE, 'utf8').trim();
const auth = `Authorization: Bearer ${token}`;

function cli(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [inspector, '--cli', url, '--transport', 'http', ...args],
      { env: { ...process.env, HOME: process.env.DMS_HTTP_HOME }, timeout: 60_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }));
  });
}

function json(result) {
  assert.equal(result.code, 0, `inspector failed: ${result.stderr}\n${result.stdout}`);
  return JSON.parse(result.stdout);
}

const auditRecords = () => readFileSync(process.env.DMS_HTTP_AUDIT, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

// the reviewed tools/list snapshot, which ToolListTest keeps equal to the server's registry
const TOOL_NAMES = JSON.parse(readFileSync(path.join(here, '..', '..', 'src/test/resources/snapshots/tools-list.json'), 'utf8'))
  .map((t) => t.name).sort();

test('tools/list over HTTP with a bearer token lists the registered read-only tools', async () => {
  const list = json(await cli(['--header', auth, '--method', 'tools/list']));
  assert.deepEqual(list.tools.map((t) => t.name).sort(), TOOL_NAMES);
  for (const t of list.tools) {
    assert.equal(t.annotations.readOnlyHint, true, t.name);
    assert.equal(t.annotations.destructiveHint, false, t.name);
  }
});

test('tools/call docker_list_containers answers from the real engine', async () => {
  const r = json(await cli(['--header', auth, '--method', 'tools/call', '--tool-name', 'docker_list_containers']));
  assert.notEqual(r.isError, true, JSON.stringify(r));
  const names = r.structuredContent.containers.map((c) => c.name);
  assert.ok(names.includes('web'), `fixture container 'web' in ${names.slice(0, 10)}`);
});

test('tools/call docker_inspect with an argument, secrets redacted over HTTP too', async () => {
  const r = json(await cli(['--header', auth, '--method', 'tools/call', '--tool-name', 'docker_inspect', '--tool-arg', 'container=web']));
  assert.notEqual(r.isError, true, JSON.stringify(r));
  assert.match(r.content[0].text, /container web/);
  assert.doesNotMatch(JSON.stringify(r), /hunter2/);
});

test('without the token the Inspector is refused', async () => {
  const r = await cli(['--method', 'tools/list']);
  assert.notEqual(r.code, 0);
  assert.doesNotMatch(r.stdout, /docker_list_containers/);
});

test('with a wrong token the Inspector is refused', async () => {
  const r = await cli(['--header', 'Authorization: Bearer ' + 'x'.repeat(43), '--method', 'tools/list']);
  assert.notEqual(r.code, 0);
  assert.doesNotMatch(r.stdout, /docker_list_containers/);
});

test('the audit log names the session, the token fingerprint, the address and the Inspector as client', () => {
  const records = auditRecords();
  const call = records.find((r) => r.tool === 'docker_inspect');
  assert.ok(call, 'docker_inspect audited');
  assert.equal(call.transport, 'http');
  assert.match(call.session, /^[0-9a-f-]{36}$/);
  assert.match(call.tokenFingerprint, /^sha256:[0-9a-f]{12}$/);
  assert.equal(call.remoteAddress, '127.0.0.1');
  assert.match(call.client, /inspector/);
  assert.ok(!JSON.stringify(records).includes(token), 'the token never appears in the audit log');
  const refused = records.filter((r) => r.tool === 'http.auth' && r.outcome === 'refused');
  assert.ok(refused.length >= 2, 'missing and wrong token both audited');
});
