/**
 * What the dashboard does with the server's event stream: the header shows the connection and the last event,
 * the documents tab is read again when a document moves on, and a new score (`exposure.scored`) is handed to
 * `onScored` (the dashboard reloads the live view). Apart from dashboard.ts because it is the one place that
 * says which events matter to which panel; sse.ts only reads the stream.
 */
import type { ApiClient } from './api.js';
import type { DocumentsPanel } from './documents-panel.js';
import type { Header } from './header.js';
import { connectEvents } from './sse.js';

/** Events after which the documents tab is read again (a document's progress or its link changed). */
const DOCUMENT_EVENTS = new Set(['document.received', 'facts.extracted', 'document.rejected', 'document.linked', 'exposure.scored']);

export function followEvents(api: ApiClient, header: Header, documents: DocumentsPanel, onScored: () => void): void {
  connectEvents(api.eventsUrl, api.headers, {
    onStatus: (s) => header.setLive(s),
    onEvent: (name) => {
      header.event(name);
      if (DOCUMENT_EVENTS.has(name)) void documents.refresh();
      if (name !== 'exposure.scored') return;
      onScored();
    },
  });
}
