/** Compiled by scripts/i18n/catalogPlugin.ts from client/src/i18n/locales/<locale>.json. */
declare module 'virtual:accord-catalog/*' {
  const catalog: Readonly<Record<string, string | ((values: Readonly<Record<string, string | number>>) => string)>>;
  export default catalog;
}
