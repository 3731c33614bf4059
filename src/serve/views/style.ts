/** The one stylesheet of serve's pages (served as /assets/calvin.css: the CSP allows no inline style). */
export const STYLESHEET = `
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d232a;background:#fff}
a{color:#0550ae}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #0969da;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.3rem;z-index:1}
header{background:#1d232a;color:#fff;padding:.6rem 1rem}
header a{color:#fff;margin-right:1rem;text-decoration:none;font-weight:600}
main{max-width:1100px;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
h1{font-size:1.35rem;margin:.2rem 0 .6rem}
h2{font-size:1.1rem;margin:1.4rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
.meta{color:#4d5761;font-size:.9rem}
.summary{padding:.7rem .9rem;border-left:5px solid #6e7781;background:#f6f8fa;margin:.8rem 0}
.s-critical{color:#a40e26}.s-degraded,.s-warning{color:#7d4e00}.s-healthy,.s-passing,.s-ok{color:#116329}
.s-unknown,.s-pending{color:#4d5761}
.summary.s-critical{border-color:#cf222e}.summary.s-degraded{border-color:#bf8700}
.summary.s-healthy{border-color:#1a7f37}
.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.6rem}
.card{border:1px solid #d0d7de;border-radius:6px;padding:.6rem .8rem;min-width:0}
.card h3{font-size:1rem;margin:0 0 .2rem}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.6rem}
.chart{border:1px solid #d0d7de;border-radius:6px;padding:.3rem;min-width:0;margin:0}
.chart figcaption{font-size:.85rem;color:#4d5761}
svg{max-width:100%;height:auto;display:block}
svg .t{font:12px system-ui,sans-serif;fill:#1d232a}svg .a{font:10px system-ui,sans-serif;fill:#4d5761}
svg .ax{stroke:#8c959f}svg .l{fill:none;stroke:#0969da;stroke-width:1.5}
code,pre{font:13px ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word}
pre{background:#f6f8fa;padding:.6rem;border-radius:6px;overflow-x:auto}
.runbook{border:1px solid #d0d7de;border-radius:6px;padding:0 1rem}
ol,ul{padding-left:1.3rem}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
label{display:block;font-weight:600;font-size:.9rem}
input,select,button{font:inherit;padding:.3rem .5rem;border:1px solid #6e7781;border-radius:4px;max-width:100%}
button{background:#0969da;color:#fff;border-color:#0969da;cursor:pointer}
.op{border:1px solid #d0d7de;border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
.method{font-weight:700;font-family:ui-monospace,monospace}
`;
