// A fresh headless Chromium (new profile: cold cache) driven over the
// DevTools protocol, for measure.mjs and typing.mjs: `send` calls a method
// (on a session when given), `listeners` receive events, `finish` prints the
// result as one JSON line and ends the run, the browser and its profile.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const profile = mkdtempSync(join(tmpdir(), "bench-chromium-"));
const browser = spawn(CHROMIUM, [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--no-default-browser-check",
  "--disable-extensions", "--disable-sync", "--metrics-recording-only",
  "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
  `--user-data-dir=${profile}`, "--window-size=1280,900", "about:blank",
], { stdio: "ignore", detached: true });
function stopBrowser() {
  try { process.kill(-browser.pid, "SIGKILL"); } catch (e) { /* already gone */ }
  try { rmSync(profile, { recursive: true, force: true }); } catch (e) { /* best effort */ }
}
export function finish(result) {
  process.stdout.write(JSON.stringify(result) + "\n");
  stopBrowser();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => { stopBrowser(); process.exit(1); });
process.on("uncaughtException", (e) => finish({ error: String(e && e.message || e) }));
process.on("unhandledRejection", (e) => finish({ error: String(e && e.message || e) }));

// DevTools endpoint: Chromium writes its port and path into the profile.
let endpoint = null;
for (let waited = 0; !endpoint; waited += 50) {
  const file = join(profile, "DevToolsActivePort");
  if (existsSync(file)) {
    const [port, path] = readFileSync(file, "utf8").split("\n");
    if (port && path) endpoint = `ws://127.0.0.1:${port}${path}`;
  }
  if (!endpoint) {
    if (waited > 20000) finish({ error: "chromium did not start" });
    await sleep(50);
  }
}

const ws = new WebSocket(endpoint);
await new Promise((ok, err) => { ws.onopen = ok; ws.onerror = () => err(new Error("devtools connection failed")); });
let nextId = 1;
const pending = new Map();
export const listeners = [];
ws.onmessage = (message) => {
  const msg = JSON.parse(message.data);
  if (msg.id && pending.has(msg.id)) {
    const { ok, err } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) err(new Error(msg.error.message)); else ok(msg.result);
  } else if (msg.method) {
    for (const listen of listeners) listen(msg);
  }
};
export function send(method, params = {}, sessionId) {
  const id = nextId++;
  ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
  return new Promise((ok, err) => pending.set(id, { ok, err }));
}
