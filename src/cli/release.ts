/**
 * npm run release -- <version>: makes a release of Backstory.
 *
 * 1. Checks the version (x.y.z, above the last release) and that CHANGELOG.md's `## Unreleased`
 *    section says something; otherwise stops, having changed nothing.
 * 2. Sets the version in package.json (`npm version`, which keeps package-lock.json in step):
 *    the one place it is written, as WXT reads it for both manifests.
 * 3. Moves the Unreleased section under `## <version> — <date>`, leaving an empty Unreleased above.
 * 4. Builds and zips both packages (`wxt zip`, `wxt zip -b firefox`) and lints the Firefox build
 *    (`web-ext lint`), which must report no error; checks the versioned zips are there.
 *
 * If a build or the lint fails, package.json, package-lock.json and CHANGELOG.md are put back.
 * Committing and tagging are left to the person releasing (docs/development.md, *Release*).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHANGELOG = `${ROOT}CHANGELOG.md`;
const UNRELEASED = '## Unreleased';
/** A released version's heading: `## 1.2.3 — 2026-12-06`. */
const RELEASED = /^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})$/m;

export class ReleaseRefused extends Error {}

/** A version both stores take as is: three numbers, each at most 65535 (Chrome's limit), no leading zeros. */
export function parseVersion(text: string | undefined): [number, number, number] {
  const match = /^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/.exec(text ?? '');
  const parts = match?.slice(1).map(Number);
  if (!parts || parts.some((part) => part > 65535)) {
    throw new ReleaseRefused(
      `"${text ?? ''}" is not a release version: give three numbers such as 1.2.0 (each 0–65535, no pre-release tag: ` +
        'the manifests take only numbers). Usage: npm run release -- <version>',
    );
  }
  return parts as [number, number, number];
}

const compareVersions = (a: string, b: string): number => {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/** The newest released version in a changelog (the first version heading), if any. */
export function latestRelease(changelog: string): string | undefined {
  return RELEASED.exec(changelog)?.[1];
}

/** The Unreleased section's body: from its heading to the next `## ` heading. */
function unreleasedSection(changelog: string): { start: number; end: number; body: string } {
  const start = changelog.indexOf(`\n${UNRELEASED}\n`);
  if (start < 0) throw new ReleaseRefused(`CHANGELOG.md has no "${UNRELEASED}" section to release`);
  const bodyStart = start + UNRELEASED.length + 2;
  const next = changelog.indexOf('\n## ', bodyStart - 1);
  const end = next < 0 ? changelog.length : next + 1;
  return { start: start + 1, end, body: changelog.slice(bodyStart, end) };
}

/**
 * The changelog with its Unreleased section released as `version` on `date`; refuses a
 * version not above the last release, and an Unreleased section with nothing but headings.
 */
export function releaseChangelog(changelog: string, version: string, date: string, currentVersion: string): string {
  parseVersion(version);
  const latest = latestRelease(changelog);
  if (latest !== undefined && compareVersions(version, latest) <= 0) {
    throw new ReleaseRefused(`${version} is not above ${latest}, the last release in CHANGELOG.md`);
  }
  if (compareVersions(version, currentVersion) < 0) {
    throw new ReleaseRefused(`${version} is below package.json's version, ${currentVersion}`);
  }
  const { start, end, body } = unreleasedSection(changelog);
  const said = body.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  if (said.length === 0) {
    throw new ReleaseRefused(`CHANGELOG.md's "${UNRELEASED}" section is empty: write what changed for users under it, then release`);
  }
  const rest = changelog.slice(end);
  return `${changelog.slice(0, start)}${UNRELEASED}\n\n## ${version} — ${date}\n${body.trimEnd()}\n${rest && `\n${rest}`}`;
}

/** The zips WXT writes for a version (its default artifact templates, with the package's name). */
export const releaseZips = (version: string) => ['chrome', 'firefox', 'sources'].map((target) => `.output/backstory-${version}-${target}.zip`);

/** Runs a command in the repository, its output shown as it comes (or returned, with `capture`); throws if it fails. */
function run(title: string, command: string, args: string[], capture = false): string {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${title} failed (exit code ${result.status})${capture ? `:\n${result.stdout}` : ''}`);
  return result.stdout ?? '';
}

/** `web-ext lint`'s findings, from its JSON report; throws unless there is no error. */
function lintFirefox(): void {
  const report = JSON.parse(
    run('lint the Firefox build', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--output', 'json', '--no-config-discovery'], true),
  ) as { count: number; summary: { errors: number; warnings: number; notices: number }; errors: Array<{ code: string; message: string; file?: string }> };
  const { errors, warnings, notices } = report.summary;
  console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  if (errors > 0) throw new Error(`web-ext lint found errors:\n${report.errors.map((e) => `  ${e.code}: ${e.message} (${e.file ?? ''})`).join('\n')}`);
}

function main(): void {
  const version = process.argv[2];
  const packageFile = `${ROOT}package.json`;
  const lockFile = `${ROOT}package-lock.json`;
  const before = { package: readFileSync(packageFile, 'utf8'), lock: readFileSync(lockFile, 'utf8'), changelog: readFileSync(CHANGELOG, 'utf8') };
  const currentVersion = (JSON.parse(before.package) as { version: string }).version;
  const date = new Date().toISOString().slice(0, 10);
  // Every refusal comes before the first write.
  const changelog = releaseChangelog(before.changelog, version!, date, currentVersion);

  try {
    if (version !== currentVersion) run('set the version', 'npm', ['version', version!, '--no-git-tag-version']);
    writeFileSync(CHANGELOG, changelog);
    console.log(`\nCHANGELOG.md: Unreleased is now ## ${version} — ${date}`);
    run('build and zip for Chrome', 'npx', ['wxt', 'zip']);
    run('build and zip for Firefox', 'npx', ['wxt', 'zip', '-b', 'firefox']);
    lintFirefox();
    const missing = releaseZips(version!).filter((zip) => !existsSync(`${ROOT}${zip}`));
    if (missing.length > 0) throw new Error(`the build wrote no ${missing.join(', ')}`);
  } catch (error) {
    writeFileSync(packageFile, before.package);
    writeFileSync(lockFile, before.lock);
    writeFileSync(CHANGELOG, before.changelog);
    throw new Error(`${(error as Error).message}\nRelease ${version} stopped: package.json, package-lock.json and CHANGELOG.md are as they were.`);
  }

  console.log(`\nBackstory ${version} is ready:`);
  for (const zip of releaseZips(version!)) console.log(`  ${zip}  ${statSync(`${ROOT}${zip}`).size.toLocaleString('en')} B`);
  console.log(`Next: review and commit (git commit -am "Release ${version}"; git tag v${version}), then upload the zips.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(`\n✖ ${(error as Error).message}`);
    process.exit(1);
  }
}
