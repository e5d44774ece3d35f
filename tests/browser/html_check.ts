/**
 * Is an HTML file self-contained? Lists every resource the page would load from outside itself: network
 * URLs (http, https, protocol-relative, ws) and local files outside the page's folder (absolute `file://`
 * or `/…` paths, which exist only on the machine that rendered the page). Plain links (`<a href>`) and
 * XML namespace URIs are not resources and are ignored.
 * @module
 */

/** One external reference found in a page. */
export interface ExternalReference {
  /** "network" (fails offline) or "local" (an absolute local path: breaks when the file is shared). */
  readonly kind: "network" | "local";
  /** Where it was found: `<script src>`, `<link href>`, `css url()`, `css @import`, … */
  readonly where: string;
  readonly url: string;
}

const RESOURCE_ATTRS: Record<string, string[]> = {
  script: ["src"],
  link: ["href"],
  img: ["src", "srcset"],
  image: ["href", "xlink:href"],
  use: ["href", "xlink:href"],
  iframe: ["src"],
  frame: ["src"],
  embed: ["src"],
  object: ["data"],
  source: ["src", "srcset"],
  audio: ["src"],
  video: ["src", "poster"],
  track: ["src"],
  input: ["src"],
};

function classify(url: string): "network" | "local" | undefined {
  const u = url.trim().replace(/^['"]|['"]$/g, "");
  if (/^(https?:|wss?:|ftp:)?\/\//i.test(u) && !/^file:/i.test(u)) return "network";
  if (/^file:/i.test(u) || u.startsWith("/")) return "local";
  return undefined; // data:, blob:, #fragment, relative paths
}

/** External references of an HTML document (empty when the page is self-contained). */
export function externalReferences(html: string): ExternalReference[] {
  const found: ExternalReference[] = [];
  // Scripts' bodies are not markup: skip them when scanning tags, but do scan <style> bodies for url().
  const noScripts = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, "$1</script>");
  for (const m of noScripts.matchAll(/<([a-zA-Z][\w:-]*)\b([^>]*)>/g)) {
    const tag = m[1]!.toLowerCase();
    const attrs = RESOURCE_ATTRS[tag];
    const attrText = m[2]!;
    if (
      tag === "link" && !/\brel\s*=\s*["']?[^"'>]*(stylesheet|icon|preload|modulepreload|manifest|import)/i
        .test(attrText)
    ) continue;
    if (attrs) {
      for (const a of attrs) {
        const re = new RegExp(`(?:^|\\s)${a}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+)`, "i");
        const v = attrText.match(re)?.[1];
        if (v === undefined) continue;
        for (const part of a === "srcset" ? v.replace(/^["']|["']$/g, "").split(",") : [v]) {
          const url = part.trim().split(/\s+/)[0]!.replace(/^["']|["']$/g, "");
          const kind = classify(url);
          if (kind) found.push({ kind, where: `<${tag} ${a}>`, url });
        }
      }
    }
    const style = attrText.match(/\sstyle\s*=\s*("[^"]*"|'[^']*')/i)?.[1];
    if (style) scanCSS(decodeEntities(style.slice(1, -1)), `<${tag} style>`, found);
  }
  for (const m of noScripts.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) scanCSS(m[1]!, "<style>", found);
  return found;
}

function decodeEntities(text: string): string {
  return text.replace(/&(quot|#39|#x27|apos|amp);/g, (_, e) => ({ quot: '"', amp: "&" })[e as string] ?? "'");
}

function scanCSS(css: string, where: string, found: ExternalReference[]) {
  let text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const m of text.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/gi)) {
    const kind = classify(m[1]!);
    if (kind) found.push({ kind, where: `${where} @import`, url: m[1]! });
  }
  text = text.replace(/@import[^;]*;?/gi, "");
  for (const m of text.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    const kind = classify(m[2]!);
    if (kind) found.push({ kind, where: `${where} url()`, url: m[2]! });
  }
}

/** Every `*.html` file under `dir`, recursively, sorted. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string) {
    let entries: Deno.DirEntry[];
    try {
      entries = [...(await Array.fromAsync(Deno.readDir(d)))];
    } catch {
      return;
    }
    for (const e of entries) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory) await walk(p);
      else if (e.name.endsWith(".html")) out.push(p);
    }
  }
  await walk(dir);
  return out.sort();
}
