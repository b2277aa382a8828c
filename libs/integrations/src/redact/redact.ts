import type { Redaction } from '@custody/domain';

/** The fixed mask every secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Where a secret sits in the original text. Internal: the bench uses spans to check for leaks. */
export interface SecretSpan {
  start: number;
  end: number;
  kind: string;
  /** The key or construct that holds the secret (`core.api.password`, `Authorization header`). */
  path?: string;
}

/** Key names whose values are secrets: whole-word short names, or glued long names (`keypassword`). */
const SECRET_KEY =
  /(?:^|[._\-\s])(?:pass|pwd|salt|token|secret|auth[_-]?token|auth[_-]?salt)$|(?:password|passwd|passphrase|api[_-]?key|secret[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret|password[_-]?hash|password[_-]?salt|signing[_-]?key|encryption[_-]?key|hmac[_-]?key|(?:access|refresh|id|auth|session|bearer|api|csrf)[_-]?token)$/i;

/** Values that configure no secret: templates, defaults, placeholders and the Mirth `anonymous` default. */
export function isPlaceholder(v: string): boolean {
  const s = v.trim();
  if (s.length < 3) return true;
  if (/\$\{|\{\{|\$json|\$env|process\.env|<%|%\(|^\$[A-Z_][A-Z0-9_]*$|^%[A-Z_]+%$/.test(s)) return true;
  if (/^(anonymous|null|none|nil|true|false|undefined|redacted|\[redacted\]|your[_-]?\w*|<[^>]*>|\*+|x+|\.+|-+|changeit-placeholder)$/i.test(s)) return true;
  if (s === REDACTED) return true;
  return false;
}

function kindOfKey(key: string): string {
  const k = key.toLowerCase();
  if (/private/.test(k)) return 'private_key';
  if (/pass(?:word|wd|phrase)?$|pwd$/.test(k)) return 'password';
  if (/hash|salt/.test(k)) return 'password_hash';
  if (/token|bearer/.test(k)) return 'token';
  if (/api|access|secret|signing|encryption|hmac/.test(k)) return 'api_key';
  return 'password';
}

const Q = String.raw`(?:'[^'\n]{0,512}'|"[^"\n]{0,512}"|&apos;[^\n]{0,512}?&apos;|&quot;[^\n]{0,512}?&quot;|\\"[^"\n]{0,512}?\\")`;

export type Rule = ({ re: RegExp; needs: Needs } | { find: (text: string) => Iterable<RegExpExecArray> }) & {
  /** Returns spans for one match. */
  spans: (m: RegExpExecArray) => SecretSpan[];
};

/**
 * Literals a rule's every match holds: per entry, at least one of its strings. A text that lacks one entry
 * cannot match, so the regex is not run over it (each regex pass over a 13 MB fleet export cost up to 0.2 CPU s,
 * an indexOf a few ms). Only literals the pattern spells out byte for byte, in the case the regex reads them.
 */
export type Needs = readonly (readonly string[])[];

export function canMatch(text: string, needs: Needs): boolean {
  return needs.every((any) => any.some((lit) => text.includes(lit)));
}

/**
 * Blocks from an opening match to the first `terminator` after it, when that terminator begins the closing
 * text `closeFor(open)` within `maxBody` characters: group 1.. of the opening match, then the body. The
 * terminator's next position is found once and reused while the scan moves forward, so the cost is linear;
 * the regex `open([\s\S]{0,N}?)close` costs N steps at every unclosed opening (an upload of many openings
 * and no close took minutes).
 */
function pairedBlocks(open: RegExp, terminator: string, closeFor: (m: RegExpExecArray) => string, maxBody: number) {
  return function* (text: string): Iterable<RegExpExecArray> {
    open.lastIndex = 0;
    let next = -2;
    let m: RegExpExecArray | null;
    while ((m = open.exec(text))) {
      const bodyStart = m.index + m[0].length;
      if (next < bodyStart && next !== -1) next = text.indexOf(terminator, bodyStart);
      if (next === -1) return;
      const close = closeFor(m);
      if (next - bodyStart > maxBody || !text.startsWith(close, next)) continue;
      const block = Object.assign([text.slice(m.index, next + close.length), ...m.slice(1), text.slice(bodyStart, next)], { index: m.index, input: text }) as unknown as RegExpExecArray;
      yield block;
      open.lastIndex = next + close.length;
    }
  };
}

/** Span of group `g` in match `m`, found by searching from the match start (groups are literal text). */
function groupSpan(m: RegExpExecArray, g: number, kind: string, path?: string, after = 0): SecretSpan[] {
  const val = m[g];
  if (val === undefined) return [];
  const rel = m[0].indexOf(val, after);
  if (rel < 0) return [];
  return [{ start: m.index + rel, end: m.index + rel + val.length, kind, path }];
}

/** An unquoted right-hand side that is code (an expression), not a literal secret. */
const CODE_VALUE = /&quot;|&apos;|[()[\]{}]|\s\+|\+\s|;\s*$|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;

function keyed(m: RegExpExecArray, keyGroup: number, valGroup: number, unquoted = false): SecretSpan[] {
  const key = m[keyGroup];
  const val = m[valGroup];
  if (!key || val === undefined || !SECRET_KEY.test(key) || isPlaceholder(val)) return [];
  if (unquoted && CODE_VALUE.test(val)) return [];
  const after = m[0].indexOf(key) + key.length;
  return groupSpan(m, valGroup, kindOfKey(key), key, after);
}

function stripQuotes(lit: string): string {
  return lit.replace(/^(?:&apos;|&quot;|\\"|'|")/, '').replace(/(?:&apos;|&quot;|\\"|'|")$/, '');
}

/** Internal: exported so a spec can run every rule unfiltered as the reference for the prefilter. */
export const RULES: readonly Rule[] = [
  // PEM private keys (multi-line or with escaped \n inside a JSON string): the body is masked.
  {
    find: pairedBlocks(/-----BEGIN ([A-Z ]{0,32})PRIVATE KEY-----/g, '-----', (m) => `-----END ${m[1]}PRIVATE KEY-----`, 65536),
    spans: (m) => groupSpan(m, 2, 'private_key', 'PEM private key', m[0].indexOf('-----', 5) + 5),
  },
  // Credentials in URLs: scheme://user:password@host
  {
    needs: [['://'], ['@']],
    re: /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,31}):\/\/([^\s:@/'"<>]{1,256}):([^\s@/'"<>]{1,256})@/gi,
    spans: (m) => (isPlaceholder(m[3]) ? [] : groupSpan(m, 3, /^https?$/i.test(m[1]) ? 'basic_auth_url' : 'connection_string', `${m[1]} URL credentials`, m[1].length + m[2].length + 4)),
  },
  // Connection-string and query parameters: Password=...; &password=...
  {
    needs: [['=']],
    re: /(?:^|[;?&\s"'])(password|pwd|passwd|pass)\s{0,8}=\s{0,8}([^;&\s'"<]{1,512})/gim,
    spans: (m) => (isPlaceholder(m[2]) ? [] : groupSpan(m, 2, 'connection_string', m[1], m[0].indexOf('=') + 1)),
  },
  // JSON / JS object members: "key": "value"
  { needs: [[':'], ['"']], re: /(?<![\w.$@-])(["']?)([\w.$@-]{1,128})\1\s{0,16}:\s{0,16}"((?:[^"\\\n]|\\.){0,65536})"/g, spans: (m) => keyed(m, 2, 3) },
  // JS object members and assignments with single quotes or escaped quotes inside JSON strings.
  { needs: [[':', '='], ['"', "'"]], re: /(?<![\w$.-])([A-Za-z_$][\w$.-]{0,127})\s{0,16}[:=]\s{0,16}(\\?["'])([^"'\\\n]{0,4096}?)\2/g, spans: (m) => keyed(m, 1, 3) },
  // A variable or parameter literally named `key` that is assigned a string literal in code.
  {
    needs: [['key'], ['=']],
    re: /\b(key)\s{0,16}=\s{0,16}(\\?["'])([^"'\\\n]{6,4096})\2/g,
    spans: (m) => (isPlaceholder(m[3]) ? [] : groupSpan(m, 3, 'api_key', 'key (code literal)', m[0].indexOf('=') + 1)),
  },
  // properties / ini / env / yaml lines: key = value, key: value
  // The value is taken greedily to the end of the line and its trailing blanks trimmed here: a lazy value
  // followed by `[ \t]*$` retries every split of a long blank run (quadratic).
  {
    needs: [['=', ':']],
    re: /^[ \t]{0,64}([\w.$-]{1,256})[ \t]{0,16}[=:][ \t]{0,16}([^\s#'"][^\n]{0,4096})$/gm,
    spans: (m) => {
      m[2] = m[2].trimEnd();
      return keyed(m, 1, 2, true);
    },
  },
  // XML elements: <password>value</password>
  { needs: [['</']], re: /<([\w.:-]{1,128})>([^<]{0,65536})<\/\1>/g, spans: (m) => keyed(m, 1, 2) },
  // Mirth 2.x properties: <property name="password">value</property>
  { needs: [['<property']], re: /<property\s{1,16}name="([^"]{1,256})"\s{0,16}>([^<]{0,65536})<\/property>/g, spans: (m) => keyed(m, 1, 2) },
  // XML attributes: password="value"
  { needs: [['="']], re: /\s([\w.:-]{1,128})="([^"]{0,65536})"/g, spans: (m) => keyed(m, 1, 2) },
  // Mirth maps (headers, form parameters): <string>password</string> [<list>] <string>value</string>
  { needs: [['<string>']], re: /<string>([^<]{1,256})<\/string>\s{0,256}(?:<list>\s{0,256})?<string>([^<]{0,65536})<\/string>/g, spans: (m) => keyed(m, 1, 2) },
  // Mirth Basic-auth credential maps: every entry is user → password.
  {
    find: pairedBlocks(/<credentials\b([^>]{0,256})>/g, '</credentials>', () => '</credentials>', 65536),
    spans: (m) => {
      const out: SecretSpan[] = [];
      const entry = /<entry>\s{0,256}<string>([^<]{0,4096})<\/string>\s{0,256}<string>([^<]{0,65536})<\/string>/g;
      let e: RegExpExecArray | null;
      while ((e = entry.exec(m[2]))) {
        if (isPlaceholder(e[2])) continue;
        const base = m.index + m[0].indexOf(m[2]) + e.index;
        const rel = e[0].lastIndexOf(e[2]);
        out.push({ start: base + rel, end: base + rel + e[2].length, kind: 'password', path: 'credentials' });
      }
      return out;
    },
  },
  // JDBC connections opened from scripts: createDatabaseConnection(driver, url, user, password)
  {
    needs: [['createDatabaseConnection', 'getConnection']],
    re: new RegExp(String.raw`(?:createDatabaseConnection\s{0,64}\(\s{0,64}${Q}\s{0,64},|getConnection\s{0,64}\()\s{0,64}${Q}\s{0,64},\s{0,64}${Q}\s{0,64},\s{0,64}(${Q})`, 'g'),
    spans: (m) => {
      const lit = m[1];
      const val = stripQuotes(lit);
      if (isPlaceholder(val)) return [];
      const at = m.index + m[0].lastIndexOf(lit) + lit.indexOf(val);
      return [{ start: at, end: at + val.length, kind: 'password', path: 'database connection in script' }];
    },
  },
  // Authorization header values.
  {
    needs: [['Bearer', 'Basic', 'Token']],
    re: /\b(Bearer|Basic|Token)\s{1,8}([A-Za-z0-9\-._~+/]{8,8192}={0,3})/g,
    spans: (m) => groupSpan(m, 2, 'token', `${m[1]} credential`, m[1].length),
  },
  // JSON Web Tokens anywhere.
  { needs: [['eyJ']], re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,8192}\.[A-Za-z0-9_-]{5,16384}\.[A-Za-z0-9_-]{0,8192}/g, spans: (m) => groupSpan(m, 0, 'token', 'JWT') },
  // Well-known API key formats (AWS, OpenAI, Anthropic, Slack, GitHub, Google, SendGrid, Stripe, Twilio).
  {
    needs: [['AKIA', 'sk-', 'xox', 'gh', 'AIza', 'SG.', 'k_live_', 'SK']],
    re: /(?<![A-Za-z0-9_-])(?:AKIA[0-9A-Z]{16}|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{30,}|AIza[0-9A-Za-z_-]{35}|SG\.[\w-]{16,}\.[\w-]{16,}|[sr]k_live_[0-9a-zA-Z]{16,}|SK[0-9a-f]{32})\b/g,
    spans: (m) => groupSpan(m, 0, 'api_key', 'API key'),
  },
];

/** Finds every secret in a text, as non-overlapping spans sorted by offset. */
export function findSecrets(text: string): SecretSpan[] {
  const all: SecretSpan[] = [];
  for (const rule of RULES) {
    if ('re' in rule && !canMatch(text, rule.needs)) continue;
    for (const m of 're' in rule ? matchAll(rule.re, text) : rule.find(text)) {
      for (const s of rule.spans(m)) if (s.end > s.start) all.push(s);
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretSpan[] = [];
  for (const s of all) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      continue;
    }
    merged.push({ ...s });
  }
  return merged;
}

function* matchAll(re: RegExp, text: string): Iterable<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) re.lastIndex++;
    else yield m;
  }
}

/**
 * Replaces every secret in `text` with `[REDACTED]`, keeping every newline so line numbers in the
 * redacted text are those of the original. Returns the redacted text and one `Redaction` per secret
 * (kind, key path, 1-based line; never the value).
 */
export function redactSecrets(text: string): { text: string; redactions: Redaction[] } {
  const { text: out, redactions } = redactWithSpans(text);
  return { text: out, redactions };
}

/** `redactSecrets` plus the spans it masked (internal: used to scrub results and by the bench). */
export function redactWithSpans(text: string): { text: string; redactions: Redaction[]; spans: SecretSpan[] } {
  const spans = findSecrets(text);
  if (!spans.length) return { text, redactions: [], spans };
  let out = '';
  let pos = 0;
  let line = 1;
  let scanned = 0;
  const redactions: Redaction[] = [];
  for (const s of spans) {
    for (; scanned < s.start; scanned++) if (text.charCodeAt(scanned) === 10) line++;
    out += text.slice(pos, s.start);
    const body = text.slice(s.start, s.end);
    // Multi-line secrets (PEM bodies) keep their line breaks so later lines do not move.
    out += body.includes('\n') ? body.split('\n').map((p) => (p.trim() ? REDACTED : p)).join('\n') : REDACTED;
    pos = s.end;
    redactions.push({ kind: s.kind, path: s.path, line, replacement: REDACTED });
  }
  out += text.slice(pos);
  return { text: out, redactions, spans };
}
