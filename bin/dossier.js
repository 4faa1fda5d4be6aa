#!/usr/bin/env node
// The `dossier` command. The sources are TypeScript, loaded through tsx so no build step stands between a fresh
// clone and a working command.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
