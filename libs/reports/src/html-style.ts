/** Inline stylesheet of the HTML report: self-contained (no fonts or images fetched) and print-friendly. */
export const REPORT_CSS = `
:root { --ink:#0f172a; --muted:#475569; --line:#e2e8f0; --bg:#f8fafc; --accent:#1e3a8a;
  --critical:#dc2626; --high:#ea580c; --medium:#d97706; --low:#16a34a; --info:#64748b; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color:var(--ink); background:#fff; }
main { max-width: 1100px; margin: 0 auto; padding: 32px 40px 64px; }
header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 16px; margin-bottom: 24px; display:flex; justify-content:space-between; gap:24px; align-items:flex-end; }
header.cover h1 { margin:0 0 4px; font-size: 26px; }
header.cover .meta { color: var(--muted); font-size: 13px; }
.score { text-align:center; border-radius: 12px; padding: 10px 18px; border:2px solid; min-width: 120px; }
.score .value { font-size: 34px; font-weight: 700; line-height: 1; }
.score .band { text-transform: uppercase; font-size: 11px; letter-spacing: .08em; }
.band-none { border-color:#94a3b8; background:#eef2f6; } .band-low { border-color:#16a34a; background:#dcfce7; }
.band-medium { border-color:#d97706; background:#fef3c7; } .band-high { border-color:#ea580c; background:#ffedd5; }
.band-critical { border-color:#dc2626; background:#fee2e2; }
h2 { font-size: 20px; margin: 36px 0 12px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
code { font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; background: var(--bg); padding: 1px 4px; border-radius: 3px; overflow-wrap:anywhere; }
.counts { display:flex; gap: 10px; flex-wrap: wrap; margin: 12px 0; }
.count { border-radius: 8px; padding: 8px 14px; color:#fff; min-width: 92px; }
.count b { display:block; font-size: 22px; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
.sev-low { background: var(--low); } .sev-info { background: var(--info); }
.pill { display:inline-block; color:#fff; border-radius: 999px; padding: 0 8px; font-size: 11px; font-weight:600; text-transform: uppercase; }
ol.top-risks li { margin: 6px 0; }
.finding { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
.finding.critical { border-left-color: var(--critical); } .finding.high { border-left-color: var(--high); }
.finding.medium { border-left-color: var(--medium); } .finding.low { border-left-color: var(--low); } .finding.info { border-left-color: var(--info); }
.finding h4 { margin: 0 0 6px; font-size: 15px; }
.finding dl { display:grid; grid-template-columns: 120px 1fr; gap: 2px 12px; margin: 0; font-size: 13px; }
.finding dt { color: var(--muted); }
.finding dd { margin: 0; }
blockquote { margin: 8px 0; padding: 6px 12px; border-left: 3px solid #cbd5e1; background: var(--bg); font-style: italic; overflow-wrap:anywhere; }
blockquote cite { display:block; font-style: normal; font-size: 12px; color: var(--muted); }
.graph { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; padding: 8px; background:#fff; }
.graph svg { max-width: 100%; height: auto; }
.legend { display:flex; gap: 14px; flex-wrap: wrap; font-size: 12px; color: var(--muted); margin: 6px 0 0; }
.legend-item { display:inline-flex; align-items:center; gap:6px; }
.swatch { width: 14px; height: 14px; border:2px solid; border-radius: 3px; display:inline-block; }
.line { width: 26px; border-top: 2px solid #64748b; display:inline-block; } .line.dashed { border-top-style: dashed; } .line.red { border-top-color:#dc2626; }
.status-unparsed, .status-failed { color: var(--critical); font-weight: 600; }
.muted { color: var(--muted); }
.callout { border-left: 4px solid #d97706; background: #fffbeb; padding: 8px 12px; font-size: 13px; }
.triaged { opacity: .75; }
.cover-page { min-height: 240mm; display:flex; flex-direction:column; gap: 14px; }
.cover-page .kicker { text-transform: uppercase; letter-spacing: .12em; color: var(--accent); font-weight: 700; margin-top: 24mm; }
.cover-page h1 { font-size: 34px; margin: 0; }
.cover-page .subtitle { font-size: 17px; color: var(--muted); margin: 0 0 10px; }
.cover-page .score { align-self: flex-start; }
.cover-facts { display:grid; grid-template-columns: 170px 1fr; gap: 6px 14px; margin: 18px 0; }
.cover-facts dt { color: var(--muted); font-weight: 600; }
.cover-facts dd { margin: 0; }
.notice { font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; margin-top: auto; }
nav#contents h2 { margin-top: 8px; }
nav#contents ol { font-size: 14px; line-height: 1.8; margin: 0; }
nav#contents a { color: var(--ink); text-decoration: none; }
table.plan, table.fixes, table.facts, table.le, table.fleet { font-size: 12px; }
table.le blockquote { font-size: 11px; margin: 0; }
table.le td:nth-child(1) { width: 17%; } table.le td:nth-child(2) { width: 18%; } table.le td:nth-child(3) { width: 25%; }
table.facts td:first-child { font-weight: 600; width: 22%; }
.plan tr.vendor th { background: #fff; border-left: none; border-right: none; padding: 10px 2px 4px; font-size: 14px; color: var(--accent); }
.plan tbody.vendor-plan tr.vendor { break-after: avoid; }
.graph-page .graph svg { max-height: 225mm; width: 100%; }
@media print {
  @page { margin: 16mm 14mm 18mm; }
  body { font-size: 11.5px; }
  main { max-width: none; padding: 0; }
  section.major { break-before: page; }
  /* The flow picture is wide: its own landscape page. */
  @page wide { size: A4 landscape; }
  .graph-page { page: wide; }
  /* Heading, picture, legend and caption must share one landscape page (176 mm of height): the picture gets 125. */
  .graph-page .graph svg { max-height: 125mm; }
  #findings .cards { columns: 2; column-gap: 12px; }
  .finding { padding: 6px 10px; margin: 0 0 8px; }
  .finding dl { grid-template-columns: 50px 1fr; font-size: 10.5px; line-height: 1.35; }
  table.plan, table.fixes, table.le { font-size: 10.5px; }
  table { font-size: 10.5px; }
  th, td { padding: 3px 6px; }
  .finding h4 { font-size: 12.5px; }
  blockquote { margin: 4px 0; padding: 3px 10px; font-size: 11px; }
  table.le blockquote { font-size: 10px; padding: 2px 8px; }
  #no-contract { font-size: 10.5px; }
  /* A cover too tall for its page (many vendors' names, a long scope): renderPdf measures it and sets .tight, so the
     notice at its foot is not left alone on a page of its own. */
  .cover-page.tight { min-height: 0; gap: 8px; }
  .cover-page.tight .kicker { margin-top: 0; }
  .cover-page.tight h1 { font-size: 26px; }
  .cover-page.tight .subtitle { font-size: 14px; margin: 0; }
  .cover-page.tight .cover-facts { font-size: 10.5px; gap: 3px 12px; margin: 8px 0; }
  .cover-page.tight nav#contents h2 { margin: 0 0 4px; }
  .cover-page.tight nav#contents ol { columns: 2; column-gap: 24px; line-height: 1.5; font-size: 12px; }
  h2, h3, h4 { break-after: avoid; }
  tr, blockquote, .finding { break-inside: avoid; }
  .graph { overflow: visible; border: none; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
