/**
 * The browser side of every interactive widget (both modes): decode the embedded payload, reveal the
 * sliders, and on each slider change either swap the precomputed frame (frames mode) or draw the chart from
 * the data with the renderer (data mode, `meta.chart` names the drawing function). Copied into the page by
 * source (see `client_render.ts`), so these functions use only their arguments and the browser's built-ins
 * (`atob`, `Blob`, `DecompressionStream`, `Response`, `setInterval`); no network, no `eval`.
 * @module
 */

/** The widget's `clw-meta` JSON. */
export interface WidgetMeta {
  /** Number of values of each slider. */
  readonly dims: number[];
  /** The text shown next to each slider, per value. */
  readonly labels: string[][];
  /** Frames mode: the stored frame of each grid point (identical frames are stored once). */
  readonly map?: number[];
  /** Data mode: the renderer's drawing function ("spiral", "quadrant"). */
  readonly chart?: string;
  /** How the payload is encoded: deflate-raw compressed JSON, or plain JSON (both base64). */
  readonly encoding: "deflate-raw" | "json";
}

/** The drawing functions of the renderer by chart kind: (data, slider positions, grid index) → SVG. */
export type ChartRenderers = Record<string, (data: never, pos: number[], k: number) => string>;

/**
 * The widget's root element: the parent of the running `<script>` when it is the widget's container (the
 * usual case), else the element with the widget's `id` (a script moved by a notebook front end).
 */
export function widgetRoot(script: Element | null, id: string): HTMLElement | null {
  const parent = script ? script.parentElement : null;
  return parent && parent.classList.contains("clusterlab-interactive") ? parent : document.getElementById(id);
}

/**
 * Bring a widget to life: decode its payload, show its sliders (hidden until then, so a page without
 * scripts shows the static frame and a note), redraw on every `input` event, and let the Play button step
 * the first slider every 700 ms. Sets `data-ready="1"` when loaded (or `data-error` on failure) and
 * `data-frame` to the grid index shown (row-major over the sliders, the last slider fastest).
 */
export function runWidget(root: HTMLElement | null, renderers: ChartRenderers | undefined): void {
  if (!root) return;
  const meta = JSON.parse(root.querySelector("script.clw-meta")!.textContent!) as WidgetMeta;
  const box = root.querySelector(".clw-frame")!;
  const inputs = root.querySelectorAll<HTMLInputElement>("input.clw-slider");
  const outs = root.querySelectorAll("output.clw-value");
  let frames: unknown = null;
  const index = () => {
    let k = 0;
    for (let i = 0; i < inputs.length; i++) k = k * meta.dims[i]! + Number(inputs[i]!.value);
    return k;
  };
  const draw = () => {
    for (let i = 0; i < inputs.length; i++) outs[i]!.textContent = meta.labels[i]![Number(inputs[i]!.value)]!;
    if (!frames) return;
    const k = index(), pos: number[] = [];
    for (let i = 0; i < inputs.length; i++) pos.push(Number(inputs[i]!.value));
    box.innerHTML = meta.chart
      ? renderers![meta.chart]!(frames as never, pos, k)
      : (frames as string[])[meta.map![k]!]!;
    root.setAttribute("data-frame", String(k));
  };
  const load = (): Promise<unknown> => {
    const b = atob(root.querySelector("script.clw-data")!.textContent!.trim());
    const u = new Uint8Array(b.length);
    for (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);
    if (meta.encoding === "json") return Promise.resolve(JSON.parse(new TextDecoder().decode(u)));
    const st = new Blob([u]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(st).text().then(JSON.parse);
  };
  for (let i = 0; i < inputs.length; i++) inputs[i]!.addEventListener("input", draw);
  const play = root.querySelector("button.clw-play");
  let timer: ReturnType<typeof setInterval> | null = null;
  if (play) {
    play.addEventListener("click", () => {
      if (timer) {
        clearInterval(timer);
        timer = null;
        return;
      }
      const a = inputs[0]!;
      timer = setInterval(() => {
        const v = Number(a.value) + 1;
        if (v > Number(a.max)) {
          clearInterval(timer!);
          timer = null;
          return;
        }
        a.value = String(v);
        draw();
      }, 700);
    });
  }
  load().then((f) => {
    frames = f;
    (root.querySelector(".clw-controls") as HTMLElement).hidden = false;
    (root.querySelector(".clw-note") as HTMLElement).hidden = true;
    draw();
    root.setAttribute("data-ready", "1");
  }).catch((e) => {
    root.setAttribute("data-error", String(e));
  });
}
