// mark.js 8 ships no types; only what the bench calls is declared.
declare module 'mark.js' {
  interface MarkRegExpOptions {
    acrossElements?: boolean;
    done?: (totalMatches: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    markRegExp(regexp: RegExp, options?: MarkRegExpOptions): void;
    unmark(options?: { done?: () => void }): void;
  }
}
