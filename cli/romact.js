#!/usr/bin/env node
// The `romact` command: TypeScript sources run through tsx, so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
