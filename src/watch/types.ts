/** What the feed schedule stores and answers: shared by the server and the web UI (types only). */
export interface Feed {
  id: string;
  url: string;
  everySeconds: number;
  allowPrivate: boolean;
  addedAt: string;
  lastPolledAt: string | null;
  nextPollAt: string;
  failures: number;
  lastError: string | null;
}

export interface FeedLogLine {
  id: string;
  feedId: string;
  at: string;
  status: 'fetched' | 'not-modified' | 'failed';
  items: number;
  newDocuments: number;
  duplicates: number;
  failed: number;
  message: string | null;
  documentIds: string[];
}

