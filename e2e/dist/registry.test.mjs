// server.json (the MCP Registry entry) against the registry's published schema (a copy, with its source, in
// packaging/registry/), and against what scripts/package.sh built: the npm package and the OCI image it names.
//   node --test e2e/dist/registry.test.mjs     (after npm ci in packaging/; the image checks need DOCKER_HOST and the image)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(ROOT, 'packaging', 'package.json'));
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const read = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
const server = read('server.json');
const schema = read('packaging/registry/server.schema.json');
const VERSION = /<version>([^<]+)<\/version>/.exec(fs.readFileSync(path.join(ROOT, 'pom.xml'), 'utf8'))[1];

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

test('server.json is valid against the registry schema it names', () => {
  assert.equal(server.$schema, schema.$id, 'server.json names another schema than the committed copy');
  const validate = validator();
  assert.ok(validate(server), JSON.stringify(validate.errors, null, 2));
});

test('the schema copy rejects what the registry rejects (so the check above can fail)', () => {
  const validate = validator();
  assert.equal(validate({ ...server, name: 'no-slash' }), false);
  assert.equal(validate({ ...server, description: 'x'.repeat(101) }), false);
  assert.equal(validate({ ...server, packages: [{ ...server.packages[0], version: 'latest' }] }), false);
});

test('server.json has the version of the build and names the npm package it ships', () => {
  assert.equal(server.version, VERSION);
  const npm = server.packages.find((p) => p.registryType === 'npm');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'packaging', 'npm', 'package.json'), 'utf8').replaceAll('@VERSION@', VERSION));
  assert.equal(npm.identifier, pkg.name);
  assert.equal(npm.version, VERSION);
  // the registry checks ownership of an npm package through its mcpName
  assert.equal(pkg.mcpName, server.name);
  const tgz = path.join(ROOT, 'target', 'dist', `${pkg.name}-${VERSION}.tgz`);
  assert.ok(fs.existsSync(tgz), `${tgz} is missing: run scripts/package.sh`);
  for (const v of npm.environmentVariables) {
    assert.match(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), new RegExp(`\`${v.name}\``), `${v.name} is not in README.md`);
  }
});

test('server.json names the OCI image the build made, labelled with the registry name', { skip: !process.env.DOCKER_HOST && 'no DOCKER_HOST' }, () => {
  const oci = server.packages.find((p) => p.registryType === 'oci');
  assert.ok(oci.identifier.endsWith(`:${VERSION}`), oci.identifier);
  const labels = JSON.parse(execFileSync('docker', ['image', 'inspect', '-f', '{{json .Config.Labels}}', oci.identifier], { encoding: 'utf8' }));
  // the registry checks ownership of an image through this label
  assert.equal(labels['io.modelcontextprotocol.server.name'], server.name);
  assert.equal(labels['org.opencontainers.image.version'], VERSION);
});
