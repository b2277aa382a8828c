import type { DataCategory, ParseResult, Transport } from '@custody/domain';
import { transportOfUrl, type ParseContext } from '../builder.js';
import { lookupVendor } from '../catalogue/lookup.js';
import { categoriesFromText } from '../data/categories.js';
import { joinPath, parseJsonWithLines } from '../safe/json.js';
import { slug } from '../safe/text.js';

type R = Record<string, any>;

/** Node types that only move data inside the workflow. */
const INTERNAL = /\.(?:if|switch|set|merge|code|function|functionItem|noOp|wait|splitInBatches|itemLists|filter|sort|limit|aggregate|splitOut|removeDuplicates|dateTime|crypto|html|markdown|xml|stickyNote|respondToWebhook|executeWorkflow|executeWorkflowTrigger|manualTrigger|scheduleTrigger|cron|interval|start|errorTrigger|chainLlm|agent|chainSummarization|chainRetrievalQa|outputParser\w*|memory\w*|toolCode|textClassifier|informationExtractor|sentimentAnalysis|convertToFile|extractFromFile|readWriteFile|compression|editImage|stopAndError|debugHelper|form)$/i;
const SERVICE_NAMES: Record<string, string> = {
  googleSheets: 'Google Sheets', googleCalendar: 'Google Calendar', gmail: 'Gmail', googleDrive: 'Google Drive', googleDocs: 'Google Docs',
  slack: 'Slack', sendGrid: 'SendGrid', mailgun: 'Mailgun', twilio: 'Twilio', postgres: 'PostgreSQL', mySql: 'MySQL', microsoftSql: 'Microsoft SQL',
  mongoDb: 'MongoDB', redis: 'Redis', airtable: 'Airtable', notion: 'Notion', hubspot: 'HubSpot', telegram: 'Telegram', whatsApp: 'WhatsApp',
  microsoftOutlook: 'Microsoft Outlook', emailSend: 'SMTP email', supabase: 'Supabase', stripe: 'Stripe', openAi: 'OpenAI', lmChatOpenAi: 'OpenAI',
  lmChatAzureOpenAi: 'Azure OpenAI', lmChatAnthropic: 'Anthropic', lmChatGoogleGemini: 'Google Gemini', lmChatMistralCloud: 'Mistral AI',
  lmChatGroq: 'Groq', lmChatOllama: 'Ollama (self-hosted)', lmChatAwsBedrock: 'AWS Bedrock', embeddingsOpenAi: 'OpenAI', anthropic: 'Anthropic',
};
const READ_OPS = /^(?:get|getAll|read|lookup|search|select|list|find|download|executeQuery:select|keys|hget|hgetall)$/i;

function serviceOf(type: string): string {
  const short = type.replace(/^.*\./, '').replace(/Trigger$/, '').replace(/Tool$/, '');
  return SERVICE_NAMES[short] ?? short.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

/** Where a node's data goes: a target (document, channel, table) appended to the service name. */
function targetOf(p: R): string | undefined {
  const v = (x: unknown) => (x && typeof x === 'object' ? ((x as R).cachedResultName ?? (x as R).value) : x);
  const t = v(p.documentId) ?? v(p.calendar) ?? v(p.channelId) ?? v(p.table) ?? v(p.base) ?? v(p.sheetName);
  return typeof t === 'string' && t && !t.startsWith('=') ? t : undefined;
}

/** n8n workflow exports: nodes that receive or send data, the `main` wiring and `ai_*` model links. */
export function parseN8n(ctx: ParseContext): ParseResult {
  const { value, lines } = parseJsonWithLines(ctx.text);
  const wf = value as R;
  const nodes: R[] = Array.isArray(wf.nodes) ? wf.nodes : [];
  const wfName = String(wf.name ?? 'workflow');
  const host = /https?:\/\/([a-z0-9.-]+\.(?:app\.)?n8n\.cloud)/i.exec(ctx.text)?.[1];
  const self = ctx.system({ id: `n8n-${slug(wfName)}`, name: `n8n workflow '${wfName}'${host ? ` (${host})` : ''}`, role: 'other', hosts: host ? [host] : undefined, settings: { engine: 'n8n', active: wf.active }, evidence: [ctx.ev('name', lines.get('name'))] });
  const byName = new Map(nodes.map((n, i) => [String(n.name), { n, i }]));
  const pathOf = (i: number) => joinPath(joinPath('', 'nodes'), i);
  const ev = (i: number, key = 'type') => ctx.ev(joinPath(pathOf(i), key), lines.get(joinPath(pathOf(i), key)) ?? lines.get(pathOf(i)));
  const textOf = (n: R) => JSON.stringify(n.parameters ?? {});
  // Which chain each language-model node feeds (ai_languageModel edges are not in `main`).
  const aiTargets = new Map<string, string[]>();
  for (const [src, outs] of Object.entries<R>(wf.connections ?? {})) {
    for (const [kind, lists] of Object.entries<any>(outs ?? {})) {
      if (!kind.startsWith('ai_')) continue;
      for (const l of lists ?? []) for (const c of l ?? []) aiTargets.set(src, [...(aiTargets.get(src) ?? []), String(c.node)]);
    }
  }
  nodes.forEach((n, i) => {
    const type = String(n.type ?? '');
    const p: R = n.parameters ?? {};
    if (n.disabled) return ctx.warn(`node '${n.name}' is disabled: not a flow`);
    if (INTERNAL.test(type)) return;
    const data = categoriesFromText(textOf(n));
    if (/\.(?:webhook|formTrigger)$/.test(type)) {
      const path = String(p.path ?? n.webhookId ?? '');
      const from = ctx.system({ id: `webhook-caller-${slug(path || String(n.name))}`, name: `Caller of n8n ${/form/i.test(type) ? 'form' : 'webhook'} '${n.name}'${path ? ` (/${path})` : ''}`, role: 'other', evidence: [ev(i)] });
      ctx.flow({ from, to: self, data, transport: 'https', endpoint: path ? `/webhook/${path.replace(/^\/+|^webhook\//g, '')}` : undefined, purpose: 'webhook', evidence: [ev(i), ev(i, 'name')] });
      return;
    }
    if (/\.httpRequest(?:Tool)?$/.test(type)) {
      const url = String(p.url ?? '');
      if (!url) return ctx.skip(`HTTP Request node '${n.name}' has no URL`, pathOf(i));
      const clean = url.replace(/^=/, '');
      const to = ctx.endpointSystem(clean, { evidence: ev(i, 'parameters') });
      const method = String(p.method ?? p.requestMethod ?? 'GET').toUpperCase();
      const t: Transport = clean.includes('{{') && !/^https?:/.test(clean) ? 'unknown' : transportOfUrl(clean);
      if (method === 'GET') ctx.flow({ from: to, to: self, data, transport: t, endpoint: clean, purpose: 'pull (HTTP GET)', evidence: [ev(i)] });
      else ctx.flow({ from: self, to, data, transport: t, endpoint: clean, evidence: [ev(i)] });
      return;
    }
    const short = type.replace(/^.*\./, '');
    if (/^(?:lm|embeddings)|^openAi$|^anthropic$/i.test(short)) {
      const feeds = aiTargets.get(String(n.name)) ?? [];
      const vendor = serviceOf(type);
      const model = typeof p.model === 'string' ? p.model : (p.model?.value ?? p.deploymentName ?? '');
      const to = ctx.system({ id: slug(vendor), name: `${vendor}${model ? ` (model '${model}')` : ''}`, role: lookupVendor(vendor)?.role ?? 'llm_provider', evidence: [ev(i)] });
      if (!feeds.length && /^lm|^embeddings/i.test(short)) return ctx.warn(`language model node '${n.name}' is not connected to any chain: not a flow`);
      const prompts = feeds.map((f) => byName.get(f)).filter(Boolean).map((x) => textOf(x!.n)).join(' ');
      const d: DataCategory[] = categoriesFromText(`${prompts} ${textOf(n)}`);
      ctx.flow({ from: self, to, data: d, transport: 'https', purpose: `LLM prompt${feeds.length ? ` via ${feeds.join(', ')}` : ''}`, evidence: [ev(i), ...feeds.map((f) => ev(byName.get(f)?.i ?? i, 'parameters'))] });
      return;
    }
    const vendor = serviceOf(type);
    const target = targetOf(p);
    const sysName = `${vendor}${target ? ` '${target}'` : ''}`;
    const match = lookupVendor(vendor);
    const to = ctx.system({ id: slug(`${vendor}-${target ?? ''}`), name: sysName, role: match?.role ?? 'other', evidence: [ev(i)] });
    const op = String(p.operation ?? p.event ?? '');
    const query = String(p.query ?? '');
    const reads = /Trigger$/.test(type) || READ_OPS.test(op) || (op === 'executeQuery' && /^\s*select\b/i.test(query));
    const transport: Transport = /postgres|mysql|sql|mongo|redis/i.test(short) ? 'database' : /emailSend/i.test(short) ? 'smtp' : 'https';
    if (reads) ctx.flow({ from: to, to: self, data, transport, purpose: `read (${op || 'trigger'})`, evidence: [ev(i), ev(i, 'name')] });
    else ctx.flow({ from: self, to, data, transport, purpose: op || undefined, evidence: [ev(i), ev(i, 'name')] });
  });
  if (!nodes.length) ctx.skip('workflow has no nodes', 'nodes');
  return ctx.result();
}

