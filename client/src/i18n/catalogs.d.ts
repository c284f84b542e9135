/** Compiled by scripts/i18n/catalogPlugin.ts from client/src/i18n/locales/<locale>.json, keyed (tests). */
declare module 'virtual:accord-catalog/*' {
  const catalog: Readonly<Record<string, string | ((values: Readonly<Record<string, string | number>>) => string)>>;
  export default catalog;
}

/** One part (`<locale>/board`, `<locale>/later`, `<locale>/pages`) of a compiled catalog, by index (scripts/i18n/messageIndex.ts). */
declare module 'virtual:accord-messages/*' {
  const messages: readonly (string | ((values: Readonly<Record<string, string | number>>) => string) | undefined)[];
  export default messages;
}
