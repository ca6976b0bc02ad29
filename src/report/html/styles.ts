/** The pages' own stylesheet (uPlot's is added beside it). Light and dark, readable printed. */
export const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#111827;--muted:#6b7280;--bg:#fff;--line:#e5e7eb;--panel:#f9fafb;--accent:#2563eb;
--fail:#dc2626;--warn:#d97706;--notice:#2563eb;--pass:#059669;--new:#059669;--missing:#dc2626}
@media (prefers-color-scheme:dark){:root{--fg:#e5e7eb;--muted:#9ca3af;--bg:#111827;--line:#374151;--panel:#1f2937;--accent:#60a5fa}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header.top{padding:16px 24px;border-bottom:1px solid var(--line);background:var(--panel)}
header.top h1{margin:0 0 4px;font-size:20px}
main{padding:8px 24px 48px;max-width:1400px}
h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px;display:inline-block}
h4{font-size:14px;margin:0 0 6px}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.muted{color:var(--muted)}
.error{color:var(--fail);font-weight:600}
.headline{margin:0;font-size:15px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:var(--muted);vertical-align:middle}
.v-fail,.v-error{background:var(--fail)}.v-warn{background:var(--warn)}.v-notice{background:var(--notice)}.v-pass{background:var(--pass)}
.sev{font-weight:600}.sev.fail{color:var(--fail)}.sev.warn{color:var(--warn)}.sev.notice{color:var(--notice)}
.kind{font-size:11px;text-transform:uppercase;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 4px}
.kv .k{color:var(--muted)}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
table{border-collapse:collapse}
table.data,table.sides,table.tests{font-size:13px}
table.data th,table.data td,table.sides th,table.sides td,table.tests th,table.tests td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
table.data td code{display:inline-block;max-width:48ch;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:bottom}
table.data thead th{position:sticky;top:0;background:var(--bg);z-index:1}
button.sort{font:inherit;font-weight:600;background:none;border:0;color:inherit;cursor:pointer;padding:0}
th[aria-sort=ascending] button.sort::after{content:" ▲"}th[aria-sort=descending] button.sort::after{content:" ▼"}
tr.clickable{cursor:pointer}tr.clickable:hover,tr.clickable:focus{background:var(--panel);outline:none}
.table .scroll{max-height:480px;overflow:auto;border:1px solid var(--line);border-radius:4px}
.tools{margin:4px 0}button.more{margin:4px 0;font:inherit;cursor:pointer}.tools input{font:inherit;padding:3px 6px;width:260px}.shown{margin-left:8px;color:var(--muted)}
details.group{margin:8px 0}details.group>summary{cursor:pointer}
.cards{display:flex;flex-direction:column;gap:12px;margin:10px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--panel)}
.card-row{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.chart{min-width:300px;flex:1 1 560px;max-width:900px}
.side{font-size:13px}
.side-bars{flex:0 1 320px;display:flex;flex-direction:column;gap:10px;padding-top:24px}
.bars-title{font-weight:600;font-size:12px}
.bar{display:grid;grid-template-columns:64px 1fr 80px;gap:6px;align-items:center;font-size:12px}
.bar-track{height:10px;background:var(--line);border-radius:2px;overflow:hidden}
.bar-fill{display:block;height:100%;background:var(--muted)}.bar-fill.current{background:var(--accent)}
.bar-value{text-align:right}
.stats p{margin:4px 0}
.graph{overflow:auto;border:1px solid var(--line);border-radius:4px;max-height:600px}
.graph text{font:11px ui-monospace,monospace;fill:var(--fg)}
.graph rect{fill:var(--panel);stroke:var(--muted)}
.edge{fill:none;stroke:#9ca3af;stroke-width:1.2}
.edge.new{stroke:var(--new);stroke-width:2}.edge.missing{stroke:var(--missing);stroke-dasharray:5 4;stroke-width:2}
.edge.fail{stroke:var(--fail);stroke-width:2.5}.edge.warn{stroke:var(--warn);stroke-width:2}.edge.notice{stroke:var(--notice)}
.edge.undecided{stroke-dasharray:2 3}
.legend .key{margin-right:12px;font-size:12px}.legend .key::before{content:"";display:inline-block;width:18px;height:3px;margin-right:4px;vertical-align:middle;background:#9ca3af}
.edge-new::before{background:var(--new)!important}.edge-missing::before{background:var(--missing)!important}.edge-fail::before{background:var(--fail)!important}.edge-warn::before{background:var(--warn)!important}.edge-notice::before{background:var(--notice)!important}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.u-title{font-size:13px!important;font-weight:600!important}
.u-legend{font-size:12px}
.querytext{margin:0 0 6px}
.points a{margin-right:6px}
`;
