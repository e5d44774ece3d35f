import assert from "node:assert/strict";
import { externalReferences } from "./html_check.ts";

Deno.test("externalReferences() finds network and absolute local resources, ignores links and data", () => {
  const html = `<!doctype html><html><head>
<script src="https://cdn.example.org/a.js"></script>
<script src="file:///usr/share/javascript/requirejs/require.min.js"></script>
<script>var s = "<img src='https://not.a.tag/inside/script.png'>";</script>
<link rel="stylesheet" href="//fonts.example.org/css">
<link rel="canonical" href="https://example.org/page">
<style>@import url("https://x.org/y.css"); .a{background:url(data:image/png;base64,AAAA)}
/* url(https://in.comment/) */ .b{background-image:url('/abs/bg.png')}</style>
</head><body>
<a href="https://github.com/">a harmless link</a>
<svg xmlns="http://www.w3.org/2000/svg"><image href="https://img.example.org/i.png"/></svg>
<img src="data:image/png;base64,iVBOR" srcset="small.png 1x, https://x.org/big.png 2x">
<div style="background: url(&quot;https://bg.example/&quot;)"></div>
<img src="relative/ok.png"><iframe src='http://frame.example/'></iframe>
</body></html>`;
  assert.deepEqual(externalReferences(html).map((r) => `${r.kind} ${r.where} ${r.url}`), [
    "network <script src> https://cdn.example.org/a.js",
    "local <script src> file:///usr/share/javascript/requirejs/require.min.js",
    "network <link href> //fonts.example.org/css",
    "network <image href> https://img.example.org/i.png",
    "network <img srcset> https://x.org/big.png",
    "network <div style> url() https://bg.example/",
    "network <iframe src> http://frame.example/",
    "network <style> @import https://x.org/y.css",
    "local <style> url() /abs/bg.png",
  ]);
  assert.deepEqual(externalReferences(`<p>中文</p><svg xmlns="http://www.w3.org/2000/svg"></svg>`), []);
});
