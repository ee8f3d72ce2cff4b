// The Claude Desktop bundle as Claude Desktop uses it: unpack target/dist/docker-mcp-secure-VERSION.mcpb, start the
// command its manifest declares (with ${__dirname} and ${user_config.*} filled in), list the tools, make a call.
//   node --test e2e/dist/bundle.test.mjs     (needs the test engines: DMS_ENGINES_ENV)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VERSION = /<version>([^<]+)<\/version>/.exec(fs.readFileSync(path.join(ROOT, 'pom.xml'), 'utf8'))[1];
const BUNDLE = path.join(ROOT, 'target', 'dist', `docker-mcp-secure-${VERSION}.mcpb`);
const engines = Object.fromEntries(fs.readFileSync(process.env.DMS_ENGINES_ENV, 'utf8').split('\n')
  .map((l) => /^([A-Z_]+)=(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2]]));

test('the unpacked bundle starts its declared command, lists the tools it declares and answers a call', { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dms-mcpb-'));
  try {
    execFileSync(path.join(ROOT, 'packaging', 'node_modules', '.bin', 'mcpb'), ['unpack', BUNDLE, dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.version, VERSION);
    assert.deepEqual(Object.keys(manifest.user_config).sort(), ['allow_local_docker', 'docker_cert_path', 'docker_host']);
    // what the user would enter in Claude Desktop's settings: this machine's engine only
    const userConfig = { docker_host: '', docker_cert_path: '', allow_local_docker: 'true' };
    const fill = (s) => s.replaceAll('${__dirname}', dir).replace(/\$\{user_config\.([a-z_]+)\}/g, (_, k) => userConfig[k]);
    const { command, args, env } = manifest.server.mcp_config;
    const serverEnv = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fill(v)]));
    assert.deepEqual(Object.keys(serverEnv).sort(), ['ALLOW_LOCAL_DOCKER', 'DOCKER_CERT_PATH', 'DOCKER_HOST']);
    // the test engine instead of /var/run/docker.sock, and an audit file in the temp folder
    Object.assign(serverEnv, { LOCAL_DOCKER_HOST: engines.UNIX_DOCKER_HOST, SECURITY_AUDIT_LOG_FILE: path.join(dir, 'audit.log') });

    const transport = new StdioClientTransport({ command, args: args.map(fill), env: serverEnv, stderr: 'pipe' });
    let stderr = '';
    transport.stderr.on('data', (c) => { stderr += c; });
    const client = new Client({ name: 'dms-bundle-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const tools = (await client.listTools()).tools.map((t) => t.name).sort();
      assert.deepEqual(tools, manifest.tools.map((t) => t.name).sort());
      // the reviewed tools/list snapshot is the one list of tool names
      const reviewed = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/test/resources/snapshots/tools-list.json'), 'utf8'));
      assert.deepEqual(tools, reviewed.map((t) => t.name).sort());
      const r = await client.callTool({ name: 'docker_list_containers', arguments: {} });
      assert.notEqual(r.isError, true, `${r.content?.[0]?.text}\n${stderr}`);
      assert.ok(r.structuredContent.containers.some((c) => c.name === 'web' && c.host === 'local'));
    } finally {
      await client.close();
    }
    assert.equal(fs.readFileSync(path.join(dir, 'audit.log'), 'utf8').trim().split('\n').length, 1, 'one audit line for the one call');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
