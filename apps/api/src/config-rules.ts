import { toCivilDate } from '@repo/domain/learner-profile';

// The rules a setting's text must follow, and the shape of a setting: config.ts declares every
// variable with one of these.

/** What a variable's value must be, and its value once it is. */
export interface Rule<T> {
  says: string;
  /** The value, or undefined when the text breaks the rule. */
  parse(text: string): T | undefined;
}

export interface Variable<T> {
  name: string;
  description: string;
  /** The value when the variable is unset or empty. */
  fallback: T;
  /** The default as --help shows it, when `fallback` alone would not say it. */
  shown?: string;
  rule: Rule<T>;
  /** Never quoted back in an error. */
  secret?: boolean;
}

export const whole = (min: number, max = Number.MAX_SAFE_INTEGER): Rule<number> => ({
  says:
    max === Number.MAX_SAFE_INTEGER
      ? `a whole number ≥ ${min}`
      : `a whole number from ${min} to ${max}`,
  parse: (text) => {
    const value = Number(text);
    return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
  },
});
export const port: Rule<number> = { ...whole(1, 65535), says: 'a port number from 1 to 65535' };
export const flag: Rule<boolean> = {
  says: 'true or false',
  parse: (text) => (text === 'true' ? true : text === 'false' ? false : undefined),
};
export const anyText: Rule<string | null> = { says: 'any text', parse: (text) => text };
export const postgresUrl: Rule<string | null> = {
  says: 'a postgres:// or postgresql:// connection URL',
  parse: (text) => (/^postgres(ql)?:\/\/\S+$/.test(text) ? text : undefined),
};
export const civilDate: Rule<string | null> = {
  says: 'a real date, YYYY-MM-DD',
  parse: (text) => (toCivilDate(text.trim()) ? text.trim() : undefined),
};
export const httpUrl: Rule<string | null> = {
  says: 'an http:// or https:// URL',
  parse: (text) => (/^https?:\/\/[^\s?#]+$/.test(text) ? text : undefined),
};
export const secret: Rule<string | null> = {
  says: 'at least 32 characters',
  parse: (text) => (text.length >= 32 ? text : undefined),
};
