// One authenticated tool call over MCP Streamable HTTP with the official TypeScript client, against the server
// that deploy/compose.yaml started (e2e/dist/run.sh): DMS_HTTP_URL, DMS_HTTP_TOKEN_FILE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const url = new URL(process.env.DMS_HTTP_URL);
const token = fs.readFileSync(process.env.DMS_HTTP_TOKEN_FILE, 'utf8').trim();

test('without the token the server answers 401', async () => {
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }, body: '{}' });
  assert.equal(r.status, 401);
});

test('with the token from the compose secret, a tool call reads the engine through the mounted socket', async () => {
  const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  const client = new Client({ name: 'dms-compose-test', version: '1.0.0' });
  await client.connect(transport);
  try {
    // the reviewed tools/list snapshot is the one list of tool names
    const reviewed = JSON.parse(fs.readFileSync(new URL('../../src/test/resources/snapshots/tools-list.json', import.meta.url), 'utf8'));
    assert.deepEqual((await client.listTools()).tools.map((t) => t.name).sort(), reviewed.map((t) => t.name).sort());
    const r = await client.callTool({ name: 'docker_list_containers', arguments: { all: true } });
    assert.notEqual(r.isError, true, r.content?.[0]?.text);
    assert.ok(r.structuredContent.containers.some((c) => c.name === 'web' && c.host === 'local'), JSON.stringify(r.structuredContent).slice(0, 500));
  } finally {
    await client.close();
  }
});

test('/healthz answers ok without a token', async () => {
  const r = await fetch(new URL('/healthz', url));
  assert.equal(r.status, 200);
  assert.equal((await r.text()).trim(), 'ok');
});
