/** Commands over statements across documents (timeline, quotes, stances, disagreements): filled by the statements work. */
import type { Command } from 'commander';
import type { KnowledgeBase } from '../model/types.js';
import type { Store } from '../store/store.js';

export interface CliDeps {
  withStore: <T>(fn: (store: Store) => Promise<T>) => Promise<T>;
  kbFromOptions: () => KnowledgeBase;
  print: (s: string) => void;
}

export function registerStatementCommands(_program: Command, _deps: CliDeps): void {}
