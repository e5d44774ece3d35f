/**
 * The browser-side renderer of data-carrying interactive charts ({@link dataInteractive}): a small,
 * self-contained vanilla-JavaScript program (no library, no network, no `eval`/`Function`) kept here as a
 * template string and inlined once in each data-mode output. It defines one global-free value, `CLR`, with
 * drawing primitives that build SVG markup as strings, and one function per chart kind:
 *
 * - primitives: `lin` (linear scale), `ticks` (1-2-5 nice ticks, d3's thresholds √50, √10, √2), `axisX` /
 *   `axisY` (ticks, tick labels, axis title), `path` (polyline), `circle` (with a `<title>` tooltip), `text`,
 *   `rule` (threshold and reference lines), `svg` (the outer element, CJK font stack);
 * - `CLR.spiral(data, pos, k)`: the knowledge spiral of grid point `k` (row-major over the sliders) (polar mapping: angle = SECI phase,
 *   radius = log₂(1 + K/K₀), see {@link spiralRadius}), segments coloured by conversion, start/end points
 *   and the turns/growth caption;
 * - `CLR.quadrant(data, pos)`: the governance quadrant at year position `pos[0]` and threshold
 *   position `pos[1]`; the quadrant of each point is recomputed in the browser with `CLR.quadrantOf` from the rule
 *   carried in the data (`{high: ">="}`: a value at or above the threshold is High, as
 *   {@link governanceQuadrant}), with the count of each quadrant in its caption.
 *
 * Every function is pure (data in, string out), so the same program also runs outside a browser (the unit
 * tests import it as a module through {@link clientRenderModule}). Pixel coordinates are written to 0.01 px
 * (display only; the data keep full precision).
 * @module
 */

/** The renderer program (plain ES2018). Defines `var CLR = {...}`. */
export const CLIENT_RENDER_JS = `var CLR=(function(){
"use strict";
function lin(d0,d1,r0,r1){var k=(r1-r0)/(d1-d0);return function(v){return r0+(v-d0)*k;};}
function px(v){return Math.round(v*100)/100;}
var ESC={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"};
function esc(s){return String(s).replace(/[&<>"]/g,function(c){return ESC[c];});}
function attrs(a){var s="";for(var k in a)if(a[k]!=null)s+=" "+k+'="'+esc(a[k])+'"';return s;}
function tip(t){return t==null?"":"<title>"+esc(t)+"</title>";}
function rule(x1,y1,x2,y2,a){return "<line"+attrs(Object.assign({x1:px(x1),y1:px(y1),x2:px(x2),y2:px(y2)},a))+"/>";}
function path(pts,a){if(pts.length<2)return "";var d="M"+pts.map(function(p){return px(p[0])+","+px(p[1]);}).join("L");
return "<path"+attrs(Object.assign({d:d,fill:"none"},a))+"/>";}
function circle(x,y,r,a,t){return "<circle"+attrs(Object.assign({cx:px(x),cy:px(y),r:r},a))+">"+tip(t)+"</circle>";}
function text(x,y,s,a){return "<text"+attrs(Object.assign({x:px(x),y:px(y)},a))+">"+esc(s)+"</text>";}
function ticks(d0,d1,n){var step=Math.pow(10,Math.floor(Math.log10((d1-d0)/n))),e=(d1-d0)/n/step;
if(e>=Math.sqrt(50))step*=10;else if(e>=Math.sqrt(10))step*=5;else if(e>=Math.sqrt(2))step*=2;
var dec=Math.max(0,-Math.floor(Math.log10(step)+1e-9)),out=[];
for(var i=Math.ceil(d0/step-1e-9);i<=Math.floor(d1/step+1e-9);i++)out.push({v:i*step,s:(i*step).toFixed(dec)});
return out;}
function axisX(sx,d0,d1,y,label){var s='<g class="clr-axis-x" font-size="10" text-anchor="middle">';
ticks(d0,d1,5).forEach(function(t){s+=rule(sx(t.v),y,sx(t.v),y+6,{stroke:"currentColor"})+text(sx(t.v),y+16,t.s);});
return s+text(sx(d1),y+32,label,{"text-anchor":"end"})+"</g>";}
function axisY(sy,d0,d1,x,label){var s='<g class="clr-axis-y" font-size="10" text-anchor="end">';
ticks(d0,d1,5).forEach(function(t){s+=rule(x-6,sy(t.v),x,sy(t.v),{stroke:"currentColor"})+text(x-9,sy(t.v)+3.5,t.s);});
return s+text(x-38,sy(d1)-8,label,{"text-anchor":"start"})+"</g>";}
function svg(w,h,label,body){return '<svg xmlns="http://www.w3.org/2000/svg" class="clr-chart" width="'+w+
'" height="'+h+'" viewBox="0 0 '+w+" "+h+'" role="img" aria-label="'+esc(label)+
'" font-family="Noto Sans CJK SC, system-ui, sans-serif" font-size="10" style="background:white;color:black">'+
body+"</svg>";}
function spiral(d,pos,k){var run=d.runs[k],S=d.size,m=10,R=d.R,sx=lin(-R,R,m,S-m),sy=lin(-R,R,S-m,m);
var K0=run.knowledge[0],n=run.phase.length,pts=[],b="";
for(var i=0;i<n;i++){var r=Math.log2(1+run.knowledge[i]/K0);
pts.push([sx(r*Math.cos(run.phase[i])),sy(r*Math.sin(run.phase[i]))]);}
b+=rule(sx(0),m,sx(0),S-m,{stroke:"#ccc"})+rule(m,sy(0),S-m,sy(0),{stroke:"#ccc"});
for(var q=0;q<4;q++){var a=(q+0.5)*Math.PI/2;b+=text(sx(R*0.93*Math.cos(a)),sy(R*0.93*Math.sin(a))+4,d.modes[q],
{fill:d.colors[q],"font-size":13,"font-weight":"bold","text-anchor":"middle",class:"clr-mode"});}
for(var i0=0;i0<n-1;){var j=i0;while(j+1<n-1&&run.stage[j+1]===run.stage[i0])j++;
b+=path(pts.slice(i0,j+2),{stroke:d.colors[run.stage[i0]],"stroke-width":2.5,class:"clr-seg"});i0=j+1;}
for(var i=0;i<n;i++)b+=circle(pts[i][0],pts[i][1],2,{fill:d.colors[run.stage[i]],class:"clr-point"},
d.text.step+" "+i+": "+d.modes[run.stage[i]]+", "+d.text.knowledge+" = "+run.knowledge[i].toPrecision(4));
b+=circle(pts[0][0],pts[0][1],4,{fill:"white",stroke:"black",class:"clr-start"});
b+=circle(pts[n-1][0],pts[n-1][1],5,{fill:"black",class:"clr-end"});
b+=text(S/2,S-6,d.text.turns+" "+run.turns+" \\u00b7 "+d.text.growth+" = "+run.growthRate.toFixed(3),
{"font-size":12,"text-anchor":"middle",class:"clr-summary"});
return svg(S,S,d.title,b);}
function quadrantOf(K,A,t,rule){var hi=rule.high===">="?function(v){return v>=t;}:function(v){return v>t;};
return (hi(K)?"H":"L")+(hi(A)?"H":"L");}
function quadrant(d,pos){var yi=pos[0],t=d.thresholds[pos[1]],year=d.years[yi],ny=d.years.length;
var S=d.size,ml=44,mr=20,mt=20,mb=40,sx=lin(0,1,ml,S-mr),sy=lin(0,1,S-mb,mt),b="",pts=[];
var count={LL:0,HL:0,LH:0,HH:0},hi={};d.highlight.forEach(function(e){hi[e]=true;});
for(var e=0;e<d.entities.length;e++){var K=d.K[e*ny+yi],A=d.A[e*ny+yi];if(K==null)continue;
var q=quadrantOf(K,A,t,d.rule);count[q]++;pts.push({e:e,K:K,A:A,q:q});}
b+='<rect x="'+ml+'" y="'+mt+'" width="'+(S-ml-mr)+'" height="'+(S-mt-mb)+'" fill="none" stroke="#ddd"/>';
b+=axisX(sx,0,1,S-mb,d.text.K)+axisY(sy,0,1,ml,d.text.A);
b+=rule(sx(t),mt,sx(t),S-mb,{stroke:"#666","stroke-dasharray":"4,3",class:"clr-threshold"});
b+=rule(ml,sy(t),S-mr,sy(t),{stroke:"#666","stroke-dasharray":"4,3",class:"clr-threshold"});
["LL","HL","LH","HH"].forEach(function(q){var right=q[0]==="H",top=q[1]==="H";
b+=text(sx(right?0.99:0.01),sy(top?0.99:0.01)+(top?11:-3),d.phases[q]+" ("+count[q]+")",{fill:d.colors[q],
"text-anchor":right?"end":"start","font-weight":"bold","font-size":11,class:"clr-caption","data-q":q,
"data-count":count[q]});});
d.highlight.forEach(function(e){var tr=[];for(var y=0;y<=yi;y++){var K=d.K[e*ny+y];
if(K!=null)tr.push([sx(K),sy(d.A[e*ny+y])]);}b+=path(tr,{stroke:"#333","stroke-opacity":0.5,class:"clr-trail"});});
pts.forEach(function(p){var h=hi[p.e];b+=circle(sx(p.K),sy(p.A),h?6:3.5,{fill:d.colors[p.q],
stroke:h?"black":"white",class:h?"clr-point clr-highlight":"clr-point","data-entity":d.entities[p.e],"data-q":p.q},
d.labels[p.e]+" "+year+": K = "+p.K.toFixed(3)+", A = "+p.A.toFixed(3)+", "+d.phases[p.q]);});
pts.forEach(function(p){var h=hi[p.e];b+=text(sx(p.K),sy(p.A)-(h?10:8),d.labels[p.e],h?
{"font-size":12,"font-weight":"bold","text-anchor":"middle"}:{"font-size":8,fill:"#777","text-anchor":"middle"});});
return svg(S,S,d.title,b);}
return {lin:lin,ticks:ticks,axisX:axisX,axisY:axisY,path:path,circle:circle,text:text,rule:rule,svg:svg,
spiral:spiral,quadrant:quadrant,quadrantOf:quadrantOf};
})();`;

/** The chart kinds {@link CLIENT_RENDER_JS} draws. */
export type ClientChart = "spiral" | "quadrant";

/**
 * The renderer as an ES module source (`export default CLR`), for running the browser code outside a
 * browser, e.g. `await import("data:text/javascript," + encodeURIComponent(clientRenderModule()))`.
 *
 * @example
 * ```ts
 * import { clientRenderModule } from "clusterlab";
 * clientRenderModule().endsWith("export default CLR;\n"); // true
 * ```
 */
export function clientRenderModule(): string {
  return `${CLIENT_RENDER_JS}\nexport default CLR;\n`;
}
