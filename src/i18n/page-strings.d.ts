/** A `_locales` catalog cut to the strings pages show (see page-messages.ts and wxt.config.ts). */
declare module '*/messages.json?page-strings' {
  const catalog: import('./messages').Catalog;
  export default catalog;
}
