import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ARTICLE = fileURLToPath(new URL('../../assets/articles/alibaba-cloud-us-retreat/article.txt', import.meta.url));
export const DEMO_DIR = fileURLToPath(new URL('../../assets/demo', import.meta.url));

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** The article as a news page: its first line as the headline, each other line a paragraph (short ones are subheadings). */
export function articlePage(text: string = readFileSync(ARTICLE, 'utf8')): string {
  const [title = '', ...lines] = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const body = lines
    .map((line) => (line.length < 60 && !/[.!?»]$/.test(line) ? `<h2>${escapeHtml(line)}</h2>` : `<p>${escapeHtml(line)}</p>`))
    .join('\n  ');
  return `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font: 18px/1.6 Georgia, serif; max-width: 720px; margin: 40px auto; padding: 0 20px; color: #222; }
    h1 { font-size: 32px; line-height: 1.2; }
  </style>
</head>
<body>
  <p style="color:#666;font-size:15px">Article de démonstration · Cloud</p>
  <h1>${escapeHtml(title)}</h1>
  ${body}
</body>
</html>
`;
}

/** The demo site: the article in French, and an English page on the same story. */
export function demoPages(): Record<string, string> {
  return {
    '/article.html': articlePage(),
    '/cloud-rivals.html': readFileSync(`${DEMO_DIR}/cloud-rivals.en.html`, 'utf8'),
  };
}
