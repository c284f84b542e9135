import type { Locale } from '../../client/src/i18n/locales';

/** A catalog as the plugin compiles it for tests: keyed, each message a string or a function of its values. */
export type Compiled = Record<string, string | ((values: Record<string, string | number>) => string)>;

const LOADERS: Record<Locale, () => Promise<{ default: Compiled }>> = {
  en: () => import('virtual:accord-catalog/en'),
  es: () => import('virtual:accord-catalog/es'),
  fr: () => import('virtual:accord-catalog/fr'),
  de: () => import('virtual:accord-catalog/de'),
  'pt-BR': () => import('virtual:accord-catalog/pt-BR'),
  ar: () => import('virtual:accord-catalog/ar'),
};

/** `locale`'s compiled catalog (scripts/i18n/catalogPlugin.ts). */
export async function compiled(locale: Locale): Promise<Compiled> {
  return (await LOADERS[locale]()).default;
}

/** A compiled message with its values filled in; throws on a key the catalog lacks. */
export function say(catalog: Compiled, key: string, values: Record<string, string | number> = {}): string {
  const message = catalog[key];
  if (message === undefined) throw new Error(`no ${key}`);
  return typeof message === 'string' ? message : message(values);
}
