// Opens one URL in a fresh headless Chromium (new profile: cold cache) and
// reports what the page cost once it has settled, as one JSON line.
//
//   node --experimental-websocket measure.mjs KIND URL [TIMEOUT_MS]
//
// KIND says how to tell that the page is done:
//   polybook  the shipped search page: #search-results holds results (or its
//             "no results" text), is not aria-busy, and nothing has changed in
//             it for SETTLE_MS with no request in flight.
//   pagefind  Pagefind's default UI in #search: its message is shown, no result
//             is still a loading placeholder, likewise stable for SETTLE_MS.
//   warm      a probe page that writes "RESULT ..." into #out when done.
//
// Bytes come from Resource Timing (the navigation entry and every resource
// entry: transferSize, else encodedBodySize), read from the page and from
// every worker it started (Pagefind searches in a web worker, whose fetches are
// only in the worker's own timeline). Chromium is driven over the DevTools
// protocol; its Network events are counted too, as a cross-check.
import { finish, listeners, send, sleep } from "./chromium.mjs";

const [kind, url, timeoutArg] = process.argv.slice(2);
const TIMEOUT_MS = Number(timeoutArg || 60000);
const SETTLE_MS = 1500;
const POLL_MS = 100;

// Network bookkeeping, per session (page or worker) and request.
const requests = new Map(); // `${session}:${requestId}` -> { url, bytes, done, failed }
let inFlight = 0;
const workers = new Set();
listeners.push((msg) => {
  const key = `${msg.sessionId}:${msg.params && msg.params.requestId}`;
  switch (msg.method) {
    case "Network.requestWillBeSent": {
      const url = msg.params.request.url;
      if (!/^https?:/.test(url)) break;
      if (requests.has(key)) { // a redirect: same request, new address
        requests.get(key).url = url;
        break;
      }
      requests.set(key, { url, bytes: 0, done: false, failed: false });
      inFlight++;
      break;
    }
    case "Network.loadingFinished":
    case "Network.loadingFailed": {
      const r = requests.get(key);
      if (!r || r.done) break;
      r.done = true;
      inFlight--;
      if (msg.method === "Network.loadingFailed") r.failed = true;
      else r.bytes = msg.params.encodedDataLength || 0;
      break;
    }
    case "Target.attachedToTarget": {
      // Only targets the page started (its workers); not the page itself.
      if (!msg.sessionId) break;
      const { sessionId, targetInfo } = msg.params;
      workers.add(sessionId);
      // Its script was loaded, though no loadingFinished will say so.
      for (const r of requests.values()) {
        if (!r.done && r.url === targetInfo.url) { r.done = true; r.worker = true; inFlight--; }
      }
      // The worker waits for us: a large timing buffer and network events first.
      Promise.all([
        send("Network.enable", {}, sessionId).catch(() => {}),
        send("Runtime.evaluate", { expression: "performance.setResourceTimingBufferSize(100000)" }, sessionId).catch(() => {}),
      ]).finally(() => send("Runtime.runIfWaitingForDebugger", {}, sessionId).catch(() => {}));
      break;
    }
    case "Target.detachedFromTarget":
      workers.delete(msg.params.sessionId);
      break;
  }
});

const { targetId } = await send("Target.createTarget", { url: "about:blank" });
const { sessionId: page } = await send("Target.attachToTarget", { targetId, flatten: true });
await send("Network.enable", {}, page);
// No offline worker: its install fetches what the page read again (the offline
// feature's cost, not a query's), and a paused service worker never answers the
// calls below, which hung every polybook row since it arrived.
await send("Network.setBlockedURLs", { urls: ["*/service-worker.js"] }, page);
await send("Page.enable", {}, page);
// Resource Timing keeps only 250 entries by default; a search page may fetch more.
await send("Page.addScriptToEvaluateOnNewDocument", {
  source: "performance.setResourceTimingBufferSize(100000)",
}, page);
await send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, page);

async function evaluate(expression, session = page) {
  const r = await send("Runtime.evaluate", { expression, returnByValue: true }, session);
  if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text}`);
  return r.result.value;
}

// State of the page, as { ready, busy, sig, shown, total, text }.
const STATE = {
  polybook: `(() => {
    const el = document.getElementById("search-results");
    if (!el) return { ready: false, busy: true, sig: "" };
    const count = el.querySelector(".search-count");
    const empty = el.querySelector(".search-empty");
    const total = count ? Number((count.textContent.match(/\\d[\\d.,\\s]*/) || ["0"])[0].replace(/\\D/g, "")) : 0;
    return {
      ready: !!(count || empty), busy: el.hasAttribute("aria-busy"), sig: el.innerHTML,
      // Result links; not, say, suggested topics when nothing matched.
      shown: el.querySelectorAll("a.search-hit").length || (empty ? 0 : el.querySelectorAll("a").length), total,
      text: (count || empty || {}).textContent || "",
    };
  })()`,
  pagefind: `(() => {
    const root = document.getElementById("search");
    const message = root && root.querySelector(".pagefind-ui__message");
    if (!message || !message.textContent.trim()) return { ready: false, busy: true, sig: "" };
    const m = message.textContent.match(/\\d[\\d.,\\s]*/);
    return {
      ready: true, busy: !!root.querySelector(".pagefind-ui__loading"), sig: root.innerHTML,
      shown: root.querySelectorAll(".pagefind-ui__result").length,
      total: m ? Number(m[0].replace(/\\D/g, "")) : 0, text: message.textContent.trim(),
    };
  })()`,
  warm: `(() => {
    const out = document.getElementById("out");
    const text = out ? out.textContent : "";
    return { ready: text.startsWith("RESULT"), busy: false, sig: text, text };
  })()`,
};
if (!STATE[kind]) finish({ error: `unknown kind ${kind}` });

const started = Date.now();
await send("Page.navigate", { url }, page);
let last = null, stableSince = 0, state = null, timedOut = false;
for (;;) {
  await sleep(POLL_MS);
  try { state = await evaluate(STATE[kind]); } catch (e) { state = null; } // mid-navigation
  const now = Date.now();
  if (!state || !state.ready || state.busy || inFlight > 0 || state.sig !== last) {
    last = state && state.sig;
    stableSince = now;
  } else if (now - stableSince >= (kind === "warm" ? 0 : SETTLE_MS)) {
    break;
  }
  if (now - started > TIMEOUT_MS) { timedOut = true; break; }
}

const ENTRIES = `[...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
  .map((e) => ({ url: e.name, transfer: e.transferSize, body: e.encodedBodySize, kind: e.entryType === "navigation" ? "navigation" : e.initiatorType }))`;
const entries = await evaluate(ENTRIES);
for (const w of workers) {
  // A worker that never answers (gone, or paused) adds nothing rather than hanging.
  const quiet = sleep(5000).then(() => { throw new Error("no answer"); });
  try { entries.push(...(await Promise.race([evaluate(ENTRIES, w), quiet])).map((e) => ({ ...e, worker: true }))); } catch (e) { /* worker gone */ }
}
const http = entries.filter((e) => /^https?:/.test(e.url));
const net = [...requests.values()].filter((r) => !r.failed && !r.worker);
const result = {
  bytes: http.reduce((s, e) => s + (e.transfer || e.body || 0), 0),
  body: http.reduce((s, e) => s + (e.body || 0), 0),
  requests: http.length,
  net_bytes: net.reduce((s, r) => s + r.bytes, 0),
  net_requests: net.length,
  failed: [...requests.values()].filter((r) => r.failed).map((r) => r.url),
  open: [...requests.values()].filter((r) => !r.done).map((r) => r.url),
  shown: state && state.shown, total: state && state.total, text: state && state.text,
  ms: Date.now() - started,
  timed_out: timedOut,
  // Requests the network saw that no timeline lists (compared by address).
  unlisted: (() => {
    const left = new Map();
    for (const e of http) left.set(e.url, (left.get(e.url) || 0) + 1);
    const missing = [];
    for (const r of net) {
      const n = left.get(r.url) || 0;
      if (n > 0) left.set(r.url, n - 1); else missing.push(r.url);
    }
    return missing;
  })(),
  entries: http,
};
finish(result);
