// Starts a real Harbour for the browser tests and stops it afterwards.
//
// startHarbour() picks a free port on 127.0.0.1, runs
//   ${HARBOUR_BIN || target/debug/harbour} serve --data-dir <fresh temp dir> --listen 127.0.0.1:<port>
// (embedded SQLite; the shipped directory is loaded on start), waits until GET /readyz answers 200
// (60 s at most) and returns { baseURL, origin, port, stop }. stop() sends SIGTERM to that PID, waits
// for the process to end (SIGKILL after 10 s) and removes the temp dir.
//
// Also exports launchBrowser(), the one way these tests start Debian's Chromium with Playwright.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const LOG_LIMIT = 64 * 1024;

// Every Harbour started by this process, so that an unexpected exit still stops them.
const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try { process.kill(child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function startHarbour({ args = [] } = {}) {
  const bin = resolve(REPO_ROOT, process.env.HARBOUR_BIN || 'target/debug/harbour');
  const dataDir = await mkdtemp(join(tmpdir(), 'harbour-browser-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(bin, ['serve', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const keep = (chunk) => { log = (log + chunk.toString()).slice(-LOG_LIMIT); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitedP = new Promise((r) => child.once('exit', (code, signal) => {
    exited = { code, signal };
    running.delete(child);
    r(exited);
  }));
  let spawnError = null;
  child.once('error', (e) => { spawnError = e; });

  async function stop() {
    if (exited === null && !spawnError) {
      try { process.kill(child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const t = setTimeout(() => { try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ } }, STOP_TIMEOUT_MS);
      await exitedP;
      clearTimeout(t);
    }
    running.delete(child);
    await rm(dataDir, { recursive: true, force: true });
  }

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError) {
      await stop();
      throw new Error(`cannot start ${bin}: ${spawnError.message} (set HARBOUR_BIN to a built harbour binary)`);
    }
    if (exited !== null) {
      await stop();
      throw new Error(`harbour exited early (${JSON.stringify(exited)}); its log:\n${log}`);
    }
    try {
      const res = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`harbour not ready on ${origin}/readyz within ${READY_TIMEOUT_MS / 1000} s; its log:\n${log}`);
    }
    await sleep(200);
  }
  return { origin, baseURL: origin, port, pid: child.pid, stop, log: () => log };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
