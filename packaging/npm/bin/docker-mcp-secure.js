#!/usr/bin/env node
// docker-mcp-secure for npm (npx docker-mcp-secure): finds a Java 17+ runtime, runs the bundled jar with the
// start-up flags of bin/docker-mcp-secure and a class-data archive kept in the user's cache folder.
// stdin, stdout and stderr are the server's own (inherited, never read or written here): stdout carries only
// MCP messages. Signals are forwarded; the exit code is the server's.
//
// Java, first found wins: JAVA_HOME; the jlink'ed runtime of the optional package docker-mcp-secure-PLATFORM-ARCH
// (installed by npm where one is published, so that no Java is needed); java on PATH; the usual install folders.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NAME = 'docker-mcp-secure';
const PKG_DIR = path.resolve(__dirname, '..');
const PKG = require(path.join(PKG_DIR, 'package.json'));
const { flags: JVM_FLAGS } = require(path.join(PKG_DIR, 'lib', 'jvm-flags.json'));
const JAR = process.env.DOCKER_MCP_JAR || path.join(PKG_DIR, 'lib', `${NAME}.jar`);
const MIN_JAVA = 17;
const EXE = process.platform === 'win32' ? 'java.exe' : 'java';

function fail(sentence) {
  process.stderr.write(`${NAME}: ${sentence}\n`);
  process.exit(2);
}

/** The major version of the runtime at javaHome, from its release file (no JVM start), else from `java -version`. */
function majorVersion(javaBin) {
  const home = path.dirname(path.dirname(realpath(javaBin)));
  try {
    const m = /^JAVA_VERSION="([^"]+)"/m.exec(fs.readFileSync(path.join(home, 'release'), 'utf8'));
    if (m) return { major: parseInt(m[1].split(/[.+-]/)[0], 10), release: m[1] };
  } catch {
    // no release file: ask the runtime
  }
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  const m = /version "([^"]+)"/.exec(`${r.stderr}`);
  if (!m) return null;
  const parts = m[1].split(/[.+-]/);
  const major = parseInt(parts[0] === '1' ? parts[1] : parts[0], 10);
  return { major, release: m[1] };
}

function realpath(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function subdirs(dir) {
  try {
    return fs.readdirSync(dir).map((d) => path.join(dir, d));
  } catch {
    return [];
  }
}

function bundledRuntime() {
  try {
    const pkg = require.resolve(`${NAME}-${process.platform}-${process.arch}/package.json`, { paths: [PKG_DIR] });
    return path.join(path.dirname(pkg), 'runtime', 'bin', EXE);
  } catch {
    return null;
  }
}

function onPath() {
  const found = [];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, EXE);
    // macOS ships /usr/bin/java as a stub that opens an installer dialog when no JDK is installed
    if (process.platform === 'darwin' && candidate === '/usr/bin/java' && subdirs('/Library/Java/JavaVirtualMachines').length === 0) continue;
    if (isFile(candidate)) found.push(candidate);
  }
  return found;
}

/** The usual install folders of Linux distributions, macOS and Windows installers, SDKMAN and Homebrew. */
function installFolders() {
  const home = os.homedir();
  const homes = [];
  if (process.platform === 'darwin') {
    for (const root of ['/Library/Java/JavaVirtualMachines', path.join(home, 'Library/Java/JavaVirtualMachines')]) {
      for (const jdk of subdirs(root)) homes.push(path.join(jdk, 'Contents', 'Home'));
    }
    homes.push('/opt/homebrew/opt/openjdk/libexec/openjdk.jdk/Contents/Home', '/usr/local/opt/openjdk/libexec/openjdk.jdk/Contents/Home');
  } else if (process.platform === 'win32') {
    for (const base of [process.env.ProgramFiles, process.env['ProgramFiles(x86)'], process.env.LOCALAPPDATA && path.join(process.env.LOCALAPPDATA, 'Programs')]) {
      if (!base) continue;
      for (const vendor of ['Java', 'Eclipse Adoptium', 'Microsoft', 'Zulu', 'Amazon Corretto', 'BellSoft', 'Semeru', 'OpenJDK']) {
        homes.push(...subdirs(path.join(base, vendor)));
      }
    }
  } else {
    for (const root of ['/usr/lib/jvm', '/usr/java', '/opt/java', '/opt']) homes.push(...subdirs(root));
  }
  homes.push(...subdirs(path.join(home, '.sdkman', 'candidates', 'java')), ...subdirs(path.join(home, '.jdks')));
  return homes.map((h) => path.join(h, 'bin', EXE)).filter(isFile);
}

/** The first Java 17+ in the order above; within the install folders, the newest. */
function findJava() {
  const tooOld = [];
  const ordered = [];
  if (process.env.JAVA_HOME) ordered.push(path.join(process.env.JAVA_HOME, 'bin', EXE));
  const bundled = bundledRuntime();
  if (bundled) ordered.push(bundled);
  ordered.push(...onPath());
  for (const bin of ordered) {
    if (!isFile(bin)) continue;
    const v = majorVersion(bin);
    if (v && v.major >= MIN_JAVA) return { bin, ...v };
    if (v) tooOld.push(`${bin} (${v.release})`);
  }
  let best = null;
  for (const bin of installFolders()) {
    const v = majorVersion(bin);
    if (v && v.major >= MIN_JAVA && (!best || v.major > best.major)) best = { bin, ...v };
    else if (v && v.major < MIN_JAVA) tooOld.push(`${bin} (${v.release})`);
  }
  if (best) return best;
  const old = tooOld.length ? ` (only older ones: ${tooOld.slice(0, 3).join(', ')})` : '';
  fail(`no Java ${MIN_JAVA} or later found in JAVA_HOME, on PATH or in the usual install folders${old}: install one `
    + '(https://adoptium.net, apt install openjdk-17-jre-headless, brew install openjdk@17 or winget install EclipseAdoptium.Temurin.17.JRE) '
    + `or set JAVA_HOME, or run the container image instead (docker run -i --rm ... ${NAME}, see the README).`);
  return null;
}

/** Where the start-up archive lives: the user's cache folder, one file per server version and runtime. */
function cacheDir() {
  if (process.env.DOCKER_MCP_CACHE_DIR) return process.env.DOCKER_MCP_CACHE_DIR;
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local'), NAME, 'Cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', NAME);
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), NAME);
}

function archiveFor(java) {
  // the archive is only valid for this jar and this runtime: both are in its name
  const id = crypto.createHash('sha256').update(`${realpath(java.bin)}\n${realpath(JAR)}`).digest('hex').slice(0, 12);
  const aot = java.major >= 25;
  const file = path.join(cacheDir(), `${NAME}-${PKG.version}-${java.release}-${id}.${aot ? 'aot' : 'jsa'}`);
  return {
    file,
    use: aot ? [`-XX:AOTCache=${file}`] : [`-XX:SharedArchiveFile=${file}`, '-Xshare:auto'],
    make: (out) => [aot ? `-XX:AOTCacheOutput=${out}` : `-XX:ArchiveClassesAtExit=${out}`],
  };
}

/** Runs the server once with --train to write the archive; synchronous for --prepare, else detached. */
function train(java, archive, wait) {
  try {
    fs.mkdirSync(path.dirname(archive.file), { recursive: true });
  } catch {
    return false;
  }
  const tmp = `${archive.file}.${process.pid}.tmp`;
  const args = [...JVM_FLAGS, ...archive.make(tmp), '-jar', JAR, '--train'];
  if (wait) {
    const r = spawnSync(java.bin, args, { stdio: 'ignore', timeout: 120_000 });
    return finishTraining(r.status === 0, tmp, archive.file);
  }
  // a detached helper renames the archive into place when the training JVM ends, after we are gone
  const helper = spawn(process.execPath, ['-e', `
    const { spawnSync } = require('node:child_process'); const fs = require('node:fs');
    const [bin, tmp, file, ...args] = JSON.parse(process.argv[1]);
    const r = spawnSync(bin, args, { stdio: 'ignore', timeout: 120000 });
    try { if (r.status === 0 && fs.existsSync(tmp)) fs.renameSync(tmp, file); else fs.rmSync(tmp, { force: true }); } catch {}
  `, JSON.stringify([java.bin, tmp, archive.file, ...args])], { detached: true, stdio: 'ignore', windowsHide: true });
  helper.unref();
  return true;
}

function finishTraining(ok, tmp, file) {
  try {
    if (ok && fs.existsSync(tmp)) {
      fs.renameSync(tmp, file);
      return true;
    }
    fs.rmSync(tmp, { force: true });
  } catch {
    // a cache folder we cannot write: start without an archive
  }
  return false;
}

function newerThanJar(file) {
  try {
    return fs.statSync(file).mtimeMs >= fs.statSync(JAR).mtimeMs;
  } catch {
    return false;
  }
}

function main() {
  if (!isFile(JAR)) {
    fail(`${JAR} not found: reinstall the package (npx --yes ${NAME}), or point DOCKER_MCP_JAR at a docker-mcp-secure.jar.`);
  }
  const java = findJava();
  const archive = archiveFor(java);
  const args = process.argv.slice(2);
  if (args[0] === '--prepare') {
    fs.rmSync(archive.file, { force: true });
    if (train(java, archive, true)) {
      process.stderr.write(`${NAME}: start-up archive ready: ${archive.file}\n`);
      process.exit(0);
    }
    fail(`could not build the start-up archive in ${path.dirname(archive.file)}: make it writable or set DOCKER_MCP_CACHE_DIR; the server runs without it, only slower to start.`);
  }
  const extra = (process.env.DOCKER_MCP_JAVA_OPTS || '').split(/\s+/).filter(Boolean);
  let use = [];
  if (isFile(archive.file) && newerThanJar(archive.file)) {
    use = archive.use;
  } else if (process.env.DOCKER_MCP_NO_ARCHIVE !== '1') {
    train(java, archive, false); // for the next start; this one goes without
  }
  const child = spawn(java.bin, [...JVM_FLAGS, ...use, ...extra, '-jar', JAR, ...args], { stdio: 'inherit', windowsHide: true });
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) {
    try {
      process.on(signal, forward(signal));
    } catch {
      // not a signal on this platform
    }
  }
  child.on('error', (err) => fail(`could not start ${java.bin}: ${err.message}.`));
  child.on('exit', (code, signal) => {
    if (signal) {
      // die the way the server died, so that our parent sees the same
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

main();
