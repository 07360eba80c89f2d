/**
 * PRIVACY.md as a page of the extension (`privacy.html`, written into each build by a
 * wxt.config.ts hook): the options page links to it, and it works offline. The policy has
 * one source, the Markdown file at the top of the repository, which the stores link to.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';

export const PRIVACY_POLICY = fileURLToPath(new URL('../../PRIVACY.md', import.meta.url));
/** Where the page is in a build, from the extension's root. */
export const PRIVACY_PAGE = 'privacy.html';

/** The options page's palette (src/ui/base.css), light and dark, and nothing that loads from elsewhere. */
const STYLE = `:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --link: #1d4ed8; background: var(--bg); color: var(--fg); }
@media (prefers-color-scheme: dark) { :root { --bg: #1f2328; --fg: #e6edf3; --muted: #9198a1; --link: #93c5fd; } }
body { margin: 0 auto; max-width: 720px; padding: 20px; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 24px; }
a { color: var(--link); } code { font-size: 0.92em; }`;

/** The policy's Markdown as a standalone English page. */
export function privacyPage(markdown: string = readFileSync(PRIVACY_POLICY, 'utf8')): string {
  const title = /^# (.+)$/m.exec(markdown)?.[1] ?? 'Privacy policy';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
${marked.parse(markdown, { async: false })}</main>
</body>
</html>
`;
}
