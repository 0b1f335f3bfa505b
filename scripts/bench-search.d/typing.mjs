// Keystroke to results painted, as a reader types on polybook's search page,
// in a fresh headless Chromium with the CPU slowed 4× (a mid-range phone).
//
//   node --experimental-websocket typing.mjs URL QUERY...
//
// Opens URL (the search page), focuses its box (which loads the engine and
// the manifest, as a reader's click does), then types each QUERY key by key,
// KEY_MS apart (a quick typist), clearing the box between queries. For each
// keystroke: the time from the key event to the first frame drawn after the
// results for it are in #search-results (not busy). A keystroke whose
// results were overtaken by the next one's counts as never painted (it is
// reported, not hidden). Prints one JSON line: latencies (ms), p50, p95, max.
import { finish, send, sleep } from "./chromium.mjs";

const { targetId } = await send("Target.createTarget", { url: "about:blank" });
const { sessionId: page } = await send("Target.attachToTarget", { targetId, flatten: true });
await send("Page.enable", {}, page);
// As measure.mjs: no offline worker installing beside the typing.
await send("Network.enable", {}, page);
await send("Network.setBlockedURLs", { urls: ["*/service-worker.js"] }, page);
await send("Emulation.setCPUThrottlingRate", { rate: 4 }, page);
async function evaluate(expression) {
  const r = await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true }, page);
  if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text}`);
  return r.result.value;
}
const [url, ...queries] = process.argv.slice(2);
setTimeout(() => finish({ error: "timed out" }), 600000);
const KEY_MS = Number(process.env.KEY_MS || 180);
await send("Page.navigate", { url }, page);
for (let i = 0; i < 200 && !(await evaluate("document.readyState === 'complete'")); i++) await sleep(50);
// In the page: each key's time, and the frame after the results it caused.
await evaluate(`(() => {
  const box = document.querySelector('form[role="search"] input[type="search"]');
  const results = document.getElementById("search-results");
  window.__keys = [];
  box.addEventListener("keydown", (e) => { if (e.key.length === 1 || e.key === "Backspace") window.__keys.push({ at: performance.now(), value: null, painted: null }); });
  box.addEventListener("input", () => { const k = window.__keys[window.__keys.length - 1]; if (k && k.value === null) k.value = box.value; });
  new MutationObserver(() => {
    if (results.getAttribute("aria-busy") === "true" || !results.firstChild) return;
    const k = window.__keys[window.__keys.length - 1];
    if (!k || k.painted !== null || k.value !== box.value) return;
    k.painted = -1;
    requestAnimationFrame(() => setTimeout(() => { k.painted = performance.now(); }, 0));
  }).observe(results, { childList: true, subtree: true, attributes: true });
  box.focus();
  return true;
})()`);
await sleep(1500); // the engine and manifest, as loaded on focus
async function key(text) {
  await send("Input.dispatchKeyEvent", { type: "keyDown", text, key: text, unmodifiedText: text }, page);
  await send("Input.dispatchKeyEvent", { type: "keyUp", key: text }, page);
}
for (const q of queries) {
  await evaluate(`(() => { const b = document.querySelector('form[role="search"] input[type="search"]'); b.value = ""; b.dispatchEvent(new Event("input", { bubbles: true })); window.__keys.length && (window.__keys[window.__keys.length - 1].painted ??= null); return true; })()`);
  await sleep(600);
  for (const ch of q) { await key(ch); await sleep(KEY_MS); }
  await sleep(1500);
}
const keys = await evaluate("window.__keys");
const ms = keys.filter((k) => k.painted > 0).map((k) => k.painted - k.at).sort((a, b) => a - b);
const pick = (p) => ms.length ? Math.round(ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)] * 10) / 10 : null;
finish({ keys: keys.length, painted: ms.length, p50: pick(0.5), p95: pick(0.95), max: pick(1), ms: ms.map((x) => Math.round(x)) });
