// Calculator page head: how the engine's worker is started, and the offline copy of the calculator.
// Runs before calculator-prefetch.js (which may start the worker early) and calculator.js.
//
// The build's data is <script type="application/json" id="calculator-offline"> (pages/offline.py):
// {edition, key, worker: "calculator/worker.js?snapshot=…", serviceWorker: "calculator/service-worker.js"},
// paths relative to this edition's folder. `?snapshot=off` on the page's address starts the worker
// without the memory snapshot (for comparing, and for tests).
//
// window.HandbookCalculatorOffline:
//   startWorker() -> a Worker-like object (postMessage, terminate, onmessage, onerror). If the
//     snapshot has downloaded but the engine is not ready GUARD_SECONDS later (a restore that
//     blocks the worker's thread), the worker is replaced by one without the snapshot, and the
//     "init" and unanswered "recommend" messages are sent to it again.
//   keepOffline(say) -> registers this edition's service worker and calls say(state, text) with
//     "saved" (this build is kept for offline use) or "updated" (an earlier visit's copy was
//     replaced by this build's), or "unavailable".

(() => {
"use strict";

const GUARD_SECONDS = 30;
const site = new URL("../../", document.currentScript.src);
const config = JSON.parse(document.getElementById("calculator-offline").textContent);
const snapshotOff = new URLSearchParams(location.search).get("snapshot") === "off";

function workerURL(withSnapshot = !snapshotOff) {
  const url = new URL(config.worker, site);
  if (!withSnapshot) url.search = "";
  return url;
}

class GuardedWorker {
  constructor() {
    this.onmessage = null;
    this.onerror = null;
    this.sent = new Map(); // "init" and unanswered requests, to send again after a restart
    this.guard = null;
    this.reason = null; // why the worker was restarted without the snapshot
    this.start(workerURL());
  }

  start(url) {
    const worker = new Worker(url, { type: "module" });
    this.worker = worker;
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => this.onerror && this.onerror(event);
  }

  receive(message) {
    if (message.type === "snapshot" && message.state === "downloaded") {
      this.guard = setTimeout(() => this.restartPlain(), GUARD_SECONDS * 1000);
    }
    const settled = message.type === "ready" || message.type === "failed" ||
      (message.type === "snapshot" && message.state === "fallback");
    if (settled) clearTimeout(this.guard);
    if (message.type === "answer") this.sent.delete(message.id);
    if (message.type === "ready" && this.reason) message.fallback = this.reason;
    if (this.onmessage) this.onmessage({ type: "message", data: message });
  }

  restartPlain() {
    this.worker.terminate();
    this.reason = `restoring the snapshot took over ${GUARD_SECONDS} s`;
    console.warn(`calculator: ${this.reason}; restarting the engine without it`);
    this.start(workerURL(false));
    for (const message of this.sent.values()) this.worker.postMessage(message);
  }

  postMessage(message) {
    this.sent.set(message.type === "init" ? "init" : message.id, message);
    this.worker.postMessage(message);
  }

  terminate() {
    clearTimeout(this.guard);
    this.worker.terminate();
  }
}

// The key of the build whose copy a service worker keeps (null if it does not answer).
function keyOf(serviceWorker) {
  if (!serviceWorker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data.key);
    serviceWorker.postMessage({ type: "key" }, [channel.port2]);
    setTimeout(() => resolve(null), 5000);
  });
}

// The copy an earlier visit kept: asked now, before this build's service worker (installed by
// the browser's own update check on this navigation) may take over.
const earlierKey = "serviceWorker" in navigator ? keyOf(navigator.serviceWorker.controller) : null;

async function keepOffline(say) {
  if (!("serviceWorker" in navigator)) {
    say("unavailable", "this browser cannot keep the calculator for offline use.");
    return;
  }
  const container = navigator.serviceWorker;
  const earlier = await earlierKey;
  let retries = 30; // a busy service worker may not answer within keyOf's 5 s: ask again
  const settle = async () => {
    const key = await keyOf(container.controller);
    if (key === null && container.controller && retries-- > 0) {
      setTimeout(settle, 1000);
      return false;
    }
    if (key !== config.key) return false;
    if (earlier && earlier !== config.key) {
      say("updated", `update picked up: this visit uses the new build of edition ${config.edition} ` +
        "(its rules and engine), and the offline copy now holds it.");
    } else {
      say("saved", `saved for offline use: edition ${config.edition} of the calculator now works ` +
        "without a network connection.");
    }
    return true;
  };
  container.addEventListener("controllerchange", settle);
  if (earlier && earlier !== config.key) say("updating", "an update was found; saving it for offline use…");
  try {
    const serviceWorker = new URL(config.serviceWorker, site);
    await container.register(serviceWorker, { scope: new URL("./", serviceWorker).pathname });
  } catch (error) {
    say("unavailable", `it could not be kept for offline use (${error.message}).`);
    return;
  }
  await settle();
}

window.HandbookCalculatorOffline = {
  config,
  startWorker: () => new GuardedWorker(),
  keepOffline,
};
})();
