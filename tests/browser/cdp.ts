/**
 * A minimal Chrome DevTools Protocol client for tests: launch Debian's headless `chromium`, open pages,
 * evaluate JavaScript, watch network requests and take screenshots, over Deno's built-in WebSocket (no
 * puppeteer or playwright download).
 * @module
 */

/** The Chromium binary: `CLUSTERLAB_CHROMIUM`, else the first of chromium / chromium-browser on PATH. */
export async function findChromium(): Promise<string | undefined> {
  const candidates = [Deno.env.get("CLUSTERLAB_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]
    .filter((c): c is string => !!c);
  for (const c of candidates) {
    try {
      const out = await new Deno.Command(c, { args: ["--version"], stdout: "piped", stderr: "piped" })
        .output();
      if (out.success) return c;
    } catch {
      // not installed
    }
  }
  return undefined;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Listener = (params: Record<string, unknown>, sessionId?: string) => void;

/** A running headless Chromium and its DevTools WebSocket. */
export class Browser {
  #ws: WebSocket;
  #proc: Deno.ChildProcess;
  #dir: string;
  #next = 1;
  #pending = new Map<number, Pending>();
  #listeners: { method: string; fn: Listener }[] = [];

  private constructor(ws: WebSocket, proc: Deno.ChildProcess, dir: string) {
    this.#ws = ws;
    this.#proc = proc;
    this.#dir = dir;
    ws.onmessage = (ev) => {
      const msg = JSON.parse(String(ev.data));
      if (msg.id !== undefined) {
        const p = this.#pending.get(msg.id);
        this.#pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`CDP error: ${JSON.stringify(msg.error)}`));
        else p?.resolve(msg.result);
      } else {
        for (const l of this.#listeners) if (l.method === msg.method) l.fn(msg.params ?? {}, msg.sessionId);
      }
    };
  }

  /** Launch headless Chromium with a throw-away profile and connect. */
  static async launch(binary: string, { width = 1100, height = 900 } = {}): Promise<Browser> {
    const dir = await Deno.makeTempDir({ prefix: "clusterlab-chromium-" });
    const proc = new Deno.Command(binary, {
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        `--user-data-dir=${dir}`,
        "--remote-debugging-port=0",
        `--window-size=${width},${height}`,
        "about:blank",
      ],
      stdout: "null",
      stderr: "piped",
    }).spawn();
    // Chromium prints "DevTools listening on ws://…" on stderr.
    const reader = proc.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    let url: string | undefined;
    const deadline = Date.now() + 30_000;
    while (!url) {
      if (Date.now() > deadline) throw new Error(`Chromium did not start:\n${text}`);
      const { value, done } = await reader.read();
      if (done) throw new Error(`Chromium exited:\n${text}`);
      text += value;
      url = text.match(/DevTools listening on (ws:\/\/\S+)/)?.[1];
    }
    // keep draining stderr so Chromium never blocks on a full pipe
    (async () => {
      try {
        while (!(await reader.read()).done) { /* drain */ }
      } catch { /* closed */ }
    })();
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.onopen = () => resolve();
      ws.onerror = (e) => reject(new Error(`WebSocket to Chromium failed: ${(e as ErrorEvent).message}`));
    });
    return new Browser(ws, proc, dir);
  }

  /** Send a CDP command (to the browser, or to a page session). */
  send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<T> {
    const id = this.#next++;
    const msg: Record<string, unknown> = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#ws.send(JSON.stringify(msg));
    });
  }

  /** Call `fn` on every event `method`; returns a function that stops listening. */
  on(method: string, fn: Listener): () => void {
    const l = { method, fn };
    this.#listeners.push(l);
    return () => (this.#listeners = this.#listeners.filter((x) => x !== l));
  }

  /** Open a new page (tab) and attach to it. */
  async newPage(): Promise<Page> {
    const { targetId } = await this.send<{ targetId: string }>("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await this.send<{ sessionId: string }>("Target.attachToTarget", {
      targetId,
      flatten: true,
    });
    const page = new Page(this, sessionId);
    await page.send("Page.enable");
    await page.send("Runtime.enable");
    await page.send("Network.enable");
    return page;
  }

  /** Close Chromium and remove its profile. */
  async close(): Promise<void> {
    try {
      await this.send("Browser.close");
    } catch { /* already gone */ }
    try {
      this.#ws.close();
    } catch { /* closed */ }
    const timer = setTimeout(() => {
      try {
        this.#proc.kill("SIGKILL");
      } catch { /* exited */ }
    }, 5000);
    await this.#proc.status;
    clearTimeout(timer);
    await Deno.remove(this.#dir, { recursive: true }).catch(() => {});
  }
}

/** One page of a {@link Browser}. */
export class Page {
  readonly browser: Browser;
  readonly sessionId: string;
  /** URLs the page requested (every scheme), in order. */
  readonly requests: string[] = [];
  /** Console messages and uncaught exceptions. */
  readonly errors: string[] = [];

  constructor(browser: Browser, sessionId: string) {
    this.browser = browser;
    this.sessionId = sessionId;
    browser.on("Network.requestWillBeSent", (p, s) => {
      if (s === sessionId) this.requests.push(String((p.request as { url: string }).url));
    });
    browser.on("Runtime.exceptionThrown", (p, s) => {
      if (s === sessionId) this.errors.push(JSON.stringify(p.exceptionDetails));
    });
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.browser.send<T>(method, params, this.sessionId);
  }

  /** Navigate and wait for the load event. */
  async goto(url: string, timeoutMs = 60_000): Promise<void> {
    let stop = () => {};
    const loaded = new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`Timeout loading ${url}`)), timeoutMs);
      stop = this.browser.on("Page.loadEventFired", (_p, s) => {
        if (s === this.sessionId) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    await this.send("Page.navigate", { url });
    try {
      await loaded;
    } finally {
      stop();
    }
  }

  /** Evaluate an expression in the page (promises awaited) and return its JSON value. */
  async evaluate<T = unknown>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: unknown }>("Runtime.evaluate", {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(`In page: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value as T;
  }

  /** Poll `expression` until it is truthy. */
  async waitFor(expression: string, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await this.evaluate<boolean>(`Boolean(${expression})`))) {
      if (Date.now() > end) throw new Error(`Timeout waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A PNG screenshot of the page (full page when `fullPage`), or of a CSS-pixel clip rectangle. */
  async screenshot(
    options: { fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {},
  ): Promise<Uint8Array> {
    const params: Record<string, unknown> = { format: "png" };
    if (options.clip) params.clip = { ...options.clip, scale: 1 };
    else if (options.fullPage) {
      const m = await this.send<{ cssContentSize: { width: number; height: number } }>(
        "Page.getLayoutMetrics",
      );
      params.clip = { x: 0, y: 0, width: m.cssContentSize.width, height: m.cssContentSize.height, scale: 1 };
      params.captureBeyondViewport = true;
    }
    const { data } = await this.send<{ data: string }>("Page.captureScreenshot", params);
    return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  }
}
