#!/usr/bin/env node
// The `romact` command: TypeScript sources run through tsx, so the CLI needs no build step.
// The project supports Node 20 (see the README's Development section): the AWS SDK's notice that its
// releases after January 2027 need Node 22 is not for the CLI's users, so it is turned off unless set.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { register } = await import('tsx/esm/api');

register();
await import('./main.ts');
