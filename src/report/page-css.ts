/**
 * The CSS of calvin's HTML report, shared with the pages of `calvin serve`: readable from 360 px
 * (phones) up, no horizontal scroll. Tables marked `class="cards"` become stacked cards on narrow
 * screens, each cell labelled by its `data-label`; long tokens (URLs, message templates) wrap; charts
 * sit in a grid of `figure.chart` cards and scale with their SVG's viewBox. Colours pass WCAG AA on
 * their backgrounds, and every status also has a word and a symbol (`.status`).
 */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:1.5rem auto;max-width:1100px;color:#1f2328;
background:#fff;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #d0d7de;
padding-bottom:.2rem}
p,li,td,th,dd,figcaption,.meta{overflow-wrap:break-word}
a{color:#0550ae}
.meta{color:#57606a;font-size:.9rem}
.summary{font-size:1.05rem;padding:.8rem 1rem;border-left:6px solid #6e7781;background:#f6f8fa;margin:1rem 0}
.status{font-weight:600;white-space:nowrap}
.s-critical{color:#b3261e}.s-degraded,.s-warning{color:#8a5a00}.s-healthy,.s-passing{color:#1a7f37}
.s-unknown,.s-maintenance{color:#57606a}
.summary.s-critical{border-color:#b3261e}.summary.s-degraded{border-color:#8a5a00}
.summary.s-healthy{border-color:#1a7f37}
.summary.s-critical,.summary.s-degraded,.summary.s-healthy,.summary.s-unknown{color:#1f2328}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #d8dee4}
th{background:#f6f8fa}
code{font:13px ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.num{text-align:right;white-space:nowrap}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,380px),1fr));gap:1rem}
figure.chart{margin:0;border:1px solid #d0d7de;border-radius:6px;padding:.5rem;min-width:0}
figure.chart svg{display:block;width:100%;height:auto}
figure.chart figcaption{font-size:.85rem;color:#57606a;margin-top:.3rem}
ul,ol{padding-left:1.3rem}
@media (max-width:720px){
body{margin:1rem auto;padding:0 .75rem}
table.cards thead,table.cards thead *{position:absolute;left:0;width:1px;height:1px;padding:0;overflow:hidden;
clip-path:inset(50%);white-space:nowrap}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}
table.cards tr{border:1px solid #d0d7de;border-radius:6px;margin:0 0 .7rem;padding:.4rem .6rem}
table.cards td{border:0;padding:.15rem 0;text-align:left;overflow-wrap:anywhere}
table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#57606a}
}
`;
