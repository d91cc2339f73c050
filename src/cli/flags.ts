import { AppError } from '../shared/errors.ts';

/** The command line's `--name value` and `--switch` flags, as main.ts parses them. */
export type Flags = Record<string, string | boolean | undefined>;

/** A flag's text; undefined for a switch given without a value, or a flag not given. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A flag the command cannot do without: its text, or VALIDATION_FAILED naming it and what it wants. */
export function required(flags: Flags, name: string, hint: string): string {
  const value = str(flags[name]);
  if (!value?.trim()) throw new AppError('VALIDATION_FAILED', `Thiếu --${name} (${hint}).`);
  return value;
}
