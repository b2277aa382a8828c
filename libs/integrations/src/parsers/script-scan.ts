import type { DataCategory, Transport } from '@custody/domain';
import { transportOfUrl } from '../builder.js';
import { categoriesFromText } from '../data/categories.js';

/** An endpoint a script talks to, as far as static reading can tell. */
export interface ScriptEndpoint {
  kind: 'database' | 'http' | 'custom' | 'channel';
  /** URL, JDBC URL, `${variable}` template, function or channel name. */
  target: string;
  /** true: data leaves towards the target; false: data is read from it. */
  outbound: boolean;
  transport: Transport;
  data: DataCategory[];
  /** The text that revealed it (first line of the call). */
  needle: string;
}

const LIT = /^\s*(['"])(.*)\1\s*$/;
const MAP_GET = /^\s*(?:\$|(?:source|channel|configuration|global|globalChannel|connector|response)Map\.get)\(\s*['"]([^'"]+)['"]\s*\)\s*$/;

/** Strips comments so commented-out code reveals nothing. */
export function stripComments(script: string): string {
  return stripBlockComments(script).replace(/(^|[^:\\'"])\/\/[^\n]*/g, '$1');
}

/**
 * `/* … *\/` comments removed with indexOf: the regex `\/\*[\s\S]*?\*\/` rescans to the end of the script
 * from every unclosed `/*` (quadratic on `/*` repeated). An unclosed comment runs to the end, as in JS.
 */
function stripBlockComments(script: string): string {
  let out = '';
  let pos = 0;
  for (let open = script.indexOf('/*'); open >= 0; open = script.indexOf('/*', pos)) {
    out += script.slice(pos, open);
    const close = script.indexOf('*/', open + 2);
    if (close < 0) return out;
    pos = close + 2;
  }
  return out + script.slice(pos);
}

/** Resolves a string expression (`base + "/x/" + id`) using simple `var x = ...` assignments. */
function resolveExpr(expr: string, script: string, depth = 0): string {
  return expr
    .split('+')
    .map((part) => {
      const lit = LIT.exec(part);
      if (lit) return lit[2];
      const mg = MAP_GET.exec(part);
      if (mg) return `\${${mg[1]}}`;
      const id = part.trim();
      if (!/^[A-Za-z_$][\w$]*$/.test(id)) return `\${${id.replace(/[^\w.]/g, '')}}`;
      if (depth < 4) {
        // The first assignment that resolves to something non-empty (initialisers are often "").
        for (const a of script.matchAll(new RegExp(`\\b${id}\\s*=\\s*([^;\\n=][^;\\n]*)`, 'g'))) {
          const r = resolveExpr(a[1], script, depth + 1);
          if (r) return r;
        }
      }
      return `\${${id}}`;
    })
    .join('');
}

/** True when a script does nothing but log and return a constant (a poll trigger, not a data source). */
export function isTriviaScript(script: string): boolean {
  const body = stripComments(script)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^logger\.\w+\(.*\);?$/.test(l))
    .join(' ');
  // Trivia is a few words; the length check bounds the pattern below (its `\s*…\s*` is quadratic on blanks).
  return body === '' || (body.length <= 1024 && /^return\s*(?:(['"])[^'"]*\1|\d+|true|false|null|message|msg)?\s*;?$/.test(body));
}

/** True when the only thing a script does with the message is write it to the engine's log. */
export function onlyLogs(script: string): boolean {
  const body = stripComments(script);
  return /logger\.\w+\(/.test(body) && !/java\.net|createDatabaseConnection|getConnection|Writer\(|Reader\(|router\.|FileUtil|SMTPConnection|Packages\.|new\s+[a-z]+\.[a-z]+\./.test(body);
}

/**
 * Finds the endpoints a Mirth-style JavaScript talks to: JDBC connections, java.net.URL requests,
 * router calls to other channels, and calls into custom code whose target cannot be read from the file.
 */
export function scanScript(script: string): ScriptEndpoint[] {
  const code = stripComments(script);
  const out: ScriptEndpoint[] = [];
  const writes = /\b(?:INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|MERGE\s+INTO)\b/i.test(code);
  // `[^()]`: a column list holds no parentheses, and the scan stops at the next `(` rather than rescanning.
  const cols = /INSERT\s+INTO\s+[`"\w.]+\s*\(([^()]*)\)/gi;
  let colText = '';
  for (let m; (m = cols.exec(code)); ) colText += ` ${m[1]}`;
  const seenDb = new Set<string>();
  const db = /(?:createDatabaseConnection\s*\(\s*(['"])[^'"]*\1\s*,|getConnection\s*\()\s*(?:(['"])([^'"]*)\2|([A-Za-z_$][\w$]*))/g;
  for (let m; (m = db.exec(code)); ) {
    const url = m[3] ?? resolveExpr(m[4], code);
    const jdbc = /jdbc:[^'"\s]*/.exec(url)?.[0] ?? url;
    if (seenDb.has(jdbc)) continue;
    seenDb.add(jdbc);
    out.push({
      kind: 'database',
      target: jdbc,
      outbound: writes || !/\bSELECT\b/i.test(code),
      transport: 'database',
      data: categoriesFromText(`${colText} ${code}`),
      needle: m[0].split('\n')[0],
    });
  }
  // One level of nested calls in the argument; each `(` ends a failed scan, so unclosed calls stay linear.
  const urlRe = /new\s+(?:java\.net\.|Packages\.java\.net\.)?URL\s*\(\s*([^()]*(?:\([^()]*\)[^()]*)*)\)/g;
  for (let m; (m = urlRe.exec(code)); ) {
    const target = resolveExpr(m[1], code);
    const sends = /setRequestMethod\(\s*['"](?:POST|PUT|PATCH|DELETE)['"]|getOutputStream\(|setDoOutput\(\s*true/i.test(code);
    out.push({
      kind: 'http',
      target,
      outbound: sends,
      transport: target.startsWith('${') ? 'unknown' : transportOfUrl(target),
      data: categoriesFromText(code),
      needle: m[0],
    });
  }
  const route = /router\.routeMessage(?:ByChannelId)?\(\s*(['"])([^'"]+)\1/g;
  for (let m; (m = route.exec(code)); ) {
    out.push({ kind: 'channel', target: m[2], outbound: true, transport: 'api', data: categoriesFromText(code), needle: m[0] });
  }
  // Calls into code that lives outside the file (custom jars, code templates): opaque endpoints.
  // Starts only where a dotted name starts (not at each `com.` inside `com.com.com…`).
  const custom = /(?<![\w.])(sourceReader|destinationWriter|Packages\.[\w.]+|(?:com|org|net)\.[a-z]\w*\.[\w.]+)\s*\(\s*(?:(['"])([^'"]*)\2)?/g;
  if (!out.length) {
    for (let m; (m = custom.exec(code)); ) {
      if (/^(?:org\.apache\.commons|org\.json|com\.mirth\.connect\.server\.userutil)/.test(m[1])) continue;
      out.push({
        kind: 'custom',
        target: m[3] ? `${m[1]}("${m[3]}")` : `${m[1]}()`,
        outbound: !/Reader$/.test(m[1]),
        transport: 'unknown',
        data: categoriesFromText(code),
        needle: m[0],
      });
      break;
    }
  }
  return out;
}

/** A URL fetched only to read public reference data (schemas, stylesheets), which carries no PHI. */
export function isStaticResource(url: string): boolean {
  return /\.(?:xsd|dtd|xsl|xslt|css|js|png|jpe?g|gif|svg|ico|wsdl)(?:[?#]|$)/i.test(url) || /\/(?:schema|schemas|terminology|ValueSet|CodeSystem)\b/.test(url);
}
