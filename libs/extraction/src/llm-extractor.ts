import type { Evidence, ExtractionResult, Fact, FactName, FactSet } from '@custody/domain';
import { FACT_NAMES, FACT_VALUES, isValidFactValue, unspecifiedValue } from '@custody/domain';
import { extractFacts } from './extract-facts.js';
import type { ExtractOptions, FactExtractor } from './types.js';
import { escapeRegExp } from './text/escape-regexp.js';

/** How to reach an OpenAI-compatible chat completions endpoint. */
export interface LlmExtractorOptions {
  /** e.g. `http://localhost:8080` or `https://api.example.com` (`/v1/chat/completions` is appended). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  /** Longest text sent to the model; longer documents are cut (the rules still read all of it). */
  maxChars?: number;
}

interface ModelAnswer {
  value?: unknown;
  quote?: string;
}

/**
 * Optional model-backed extractor (off by default) behind the same {@link FactExtractor} interface.
 * It starts from the rule-based answer and asks the model for each fact's value and a verbatim quote;
 * a model answer is accepted only if the value is valid and the quote is found in the text (offsets are
 * computed here, never taken from the model). Anything else, including a failed call, keeps the rules.
 */
export class LlmExtractor implements FactExtractor {
  readonly name: string;

  constructor(private readonly opts: LlmExtractorOptions) {
    this.name = `llm:${opts.model}`;
  }

  async extract(text: string, extractOpts: ExtractOptions = {}): Promise<ExtractionResult> {
    const base = extractFacts(text, extractOpts);
    let answers: Record<string, ModelAnswer>;
    try {
      answers = await this.ask(text.slice(0, this.opts.maxChars ?? 120_000));
    } catch {
      return base;
    }
    const facts = { ...base.facts } as Record<FactName, Fact>;
    for (const name of FACT_NAMES) {
      const a = answers[name];
      if (!a || !isValidFactValue(name, a.value)) continue;
      const unspecified = JSON.stringify(a.value) === JSON.stringify(unspecifiedValue(name));
      if (unspecified) continue; // silence is the rules' call: the model may only add answers it can quote
      const evidence = typeof a.quote === 'string' ? locate(text, a.quote) : undefined;
      if (!evidence) continue;
      facts[name] = { value: a.value as Fact['value'], evidence: [evidence], confidence: 0.7, extractor: this.name };
    }
    return { document: base.document, facts: facts as FactSet };
  }

  private async ask(text: string): Promise<Record<string, ModelAnswer>> {
    const schema = FACT_NAMES.map((n) => `${n}: ${Array.isArray(FACT_VALUES[n]) ? (FACT_VALUES[n] as readonly string[]).join(' | ') : FACT_VALUES[n] === 'number' ? 'number of days or null' : 'list of company names'}`).join('\n');
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.opts.timeoutMs ?? 60_000);
    try {
      const res = await fetch(`${this.opts.baseUrl.replace(/\/+$/, '')}/v1/chat/completions`, {
        method: 'POST',
        signal: ctrl.signal,
        headers: { 'content-type': 'application/json', ...(this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {}) },
        body: JSON.stringify({
          model: this.opts.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            {
              role: 'system',
              content:
                'You read vendor contracts, BAAs and privacy policies for a medical practice. Answer with one JSON object ' +
                'mapping each fact name to {"value": ..., "quote": "<verbatim sentence from the document>"}. Use the value ' +
                '"unspecified" (or null, or []) when the document does not say. A definition is not a permission. Facts:\n' + schema,
            },
            { role: 'user', content: text },
          ],
        }),
      });
      if (!res.ok) throw new Error(`model endpoint answered ${res.status}`);
      const body = (await res.json()) as { choices?: { message?: { content?: string } }[] };
      const content = body.choices?.[0]?.message?.content ?? '';
      const json = content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1);
      const parsed = JSON.parse(json) as { facts?: Record<string, ModelAnswer> } & Record<string, ModelAnswer>;
      return (parsed.facts ?? parsed) as Record<string, ModelAnswer>;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Finds a quote verbatim, or with any run of whitespace matching any run; offsets into `text`. */
export function locate(text: string, quote: string): Evidence | undefined {
  const q = quote.trim();
  if (q.length < 8) return undefined;
  const at = text.indexOf(q);
  if (at >= 0) return { quote: q, start: at, end: at + q.length };
  const pattern = q.split(/\s+/).map(escapeRegExp).join('\\s+');
  const m = new RegExp(pattern).exec(text);
  return m ? { quote: m[0], start: m.index, end: m.index + m[0].length } : undefined;
}
