import { compileSchemaValidatorsCode } from '@rjsf/validator-ajv8/compileSchemaValidators';
import { _ } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Plugin } from 'vite';
import * as z from 'zod';
import { taskOutputs } from '../shared/domain/model/task-outputs.ts';
import { withoutAnnotations } from './src/features/tasks/components/schema-structure.ts';

/**
 * Task forms validate in the browser with validators compiled at build time (AJV standalone code through
 * rjsf's precompiled validator), because AJV otherwise compiles with `new Function`, which the app's CSP
 * (`script-src 'self'`) forbids. They are compiled from the same zod schemas that validate completions on
 * the server, without titles and descriptions (those come localized from the API and do not change what is
 * valid). The module is `virtual:output-validators`, loaded only with the task page.
 */

const VIRTUAL_ID = 'virtual:output-validators';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** The structural JSON Schema of each task output, as the API generates it (zod → JSON Schema 2020-12). */
export function outputStructures(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(taskOutputs).map(([name, kind]) => [
      name,
      withoutAnnotations(z.toJSONSchema(kind.schema, { target: 'draft-2020-12' })) as Record<string, unknown>,
    ]),
  );
}

function moduleSource(): string {
  const imports = new Map<string, string>();
  const entries = Object.entries(outputStructures()).map(([name, schema], index) => {
    const code = compileSchemaValidatorsCode(schema as never, {
      AjvClass: Ajv2020 as never,
      ajvOptionsOverrides: { code: { formats: _`require("ajv-formats/dist/formats").fullFormats` } },
    }).replace(/require\("([^"]+)"\)/g, (_match, module: string) => {
      if (!imports.has(module)) imports.set(module, `__module${imports.size}`);
      return imports.get(module) ?? '';
    });
    // The standalone code is CommonJS: run it in a function that gives it `exports`.
    return `${JSON.stringify(name)}: { schema: ${JSON.stringify(schema)}, validateFns: (() => { const exports = {}; ${code}\nreturn exports; })() },`;
  });
  return [
    ...[...imports].map(([module, local]) => `import * as ${local} from ${JSON.stringify(module)};`),
    `export const outputValidators = {\n${entries.join('\n')}\n};`,
  ].join('\n');
}

/** The Vite plugin that serves `virtual:output-validators`. */
export function outputValidatorsPlugin(): Plugin {
  return {
    name: 'romact-output-validators',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? moduleSource() : undefined),
  };
}
