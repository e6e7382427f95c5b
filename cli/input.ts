import { readFileSync } from 'node:fs';
import { CliError, ExitCode, invalidInput } from './errors.ts';

/**
 * The JSON body of `--data <file>`: a file, or standard input for `-`. Each way it can fail is one line that
 * names the file (a missing file, a directory, unreadable, not JSON), never a system error dump.
 */
export function readJsonInput(
  path: string,
  readStdin: () => string = () => readFileSync(0, 'utf8'),
): unknown {
  const name = path === '-' ? 'standard input' : path;
  let text: string;
  try {
    text = path === '-' ? readStdin() : readFileSync(path, 'utf8');
  } catch (error) {
    throw fileError(name, (error as NodeJS.ErrnoException).code);
  }
  if (text.trim() === '') throw invalidInput(`${name} is empty: expected a JSON object`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalidInput(`${name} is not valid JSON: ${(error as Error).message}`);
  }
}

function fileError(name: string, code: string | undefined): CliError {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return invalidInput(`${name}: no such file`);
    case 'EISDIR':
      return invalidInput(`${name} is a directory, not a JSON file`);
    case 'EACCES':
    case 'EPERM':
      return invalidInput(`${name}: permission denied`);
    default:
      return new CliError(
        'INVALID_INPUT',
        `${name} cannot be read (${code ?? 'unknown error'})`,
        ExitCode.invalidInput,
      );
  }
}
