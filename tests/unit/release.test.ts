import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANGELOG, latestRelease, parseVersion, ReleaseRefused, releaseChangelog, releaseZips } from '../../src/cli/release';
import config from '../../wxt.config';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const packageLock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { version: string; packages: Record<string, { version?: string }> };
const changelog = readFileSync(CHANGELOG, 'utf8');

describe('versions agree', () => {
  it("the manifests take package.json's version: wxt.config.ts sets none of its own", async () => {
    const manifest = config.manifest as (env: unknown) => Promise<Record<string, unknown>> | Record<string, unknown>;
    for (const browser of ['chrome', 'firefox']) {
      const declared = await manifest({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });
      expect(declared.version).toBeUndefined();
      expect(declared.version_name).toBeUndefined();
    }
  });

  it("package-lock.json carries package.json's version (npm version keeps them in step)", () => {
    expect(packageLock.version).toBe(packageJson.version);
    expect(packageLock.packages['']?.version).toBe(packageJson.version);
  });

  it("the newest release in CHANGELOG.md is package.json's version; before the first, the changelog has something to release", () => {
    const latest = latestRelease(changelog);
    if (latest !== undefined) expect(packageJson.version, 'a release sets both at once').toBe(latest);
    else expect(() => releaseChangelog(changelog, packageJson.version, '2026-01-01', packageJson.version)).not.toThrow();
  });

  it('the zips are named after the package and the version', () => {
    expect(packageJson.name).toBe('backstory');
    expect(releaseZips('1.2.3')).toEqual(['.output/backstory-1.2.3-chrome.zip', '.output/backstory-1.2.3-firefox.zip', '.output/backstory-1.2.3-sources.zip']);
  });
});

const HEAD = '# Changelog\n\nIntro.\n';

describe('releaseChangelog', () => {
  it('moves the Unreleased section under the version and its date, and leaves an empty Unreleased above', () => {
    const before = `${HEAD}\n## Unreleased\n\n### Added\n\n- Cards.\n\n## 0.1.0 — 2026-01-02\n\n- First.\n`;
    expect(releaseChangelog(before, '0.2.0', '2026-03-04', '0.1.0')).toBe(
      `${HEAD}\n## Unreleased\n\n## 0.2.0 — 2026-03-04\n\n### Added\n\n- Cards.\n\n## 0.1.0 — 2026-01-02\n\n- First.\n`,
    );
  });

  it('releases a first version, the one package.json already has, and the result is a release the next one builds on', () => {
    const first = releaseChangelog(`${HEAD}\n## Unreleased\n\n- Everything.\n`, '0.1.0', '2026-01-02', '0.1.0');
    expect(first).toBe(`${HEAD}\n## Unreleased\n\n## 0.1.0 — 2026-01-02\n\n- Everything.\n`);
    expect(latestRelease(first)).toBe('0.1.0');
    expect(() => releaseChangelog(first, '0.1.1', '2026-01-03', '0.1.0')).toThrow(/section is empty/);
  });

  it('releases the real CHANGELOG.md, once something is written under Unreleased (right after a release, nothing is)', () => {
    const written = changelog.replace('\n## Unreleased\n', '\n## Unreleased\n\n- A change.\n');
    const released = releaseChangelog(written, '9.0.0', '2026-01-02', packageJson.version);
    expect(latestRelease(released)).toBe('9.0.0');
    expect(released).toContain('## Unreleased\n\n## 9.0.0 — 2026-01-02\n\n- A change.\n');
  });

  it.each(['', '1.2', '1.2.3.4', 'v1.2.3', '1.2.3-beta.1', '01.2.3', '1.2.65536', 'one.two.three'])('refuses the version "%s", saying what a version is', (version) => {
    expect(() => releaseChangelog(`${HEAD}\n## Unreleased\n\n- A.\n`, version, '2026-01-02', '0.1.0')).toThrow(/is not a release version: give three numbers/);
  });

  it('refuses a version that is not above the last release, or below package.json', () => {
    const released = `${HEAD}\n## Unreleased\n\n- B.\n\n## 0.2.0 — 2026-01-02\n\n- A.\n`;
    expect(() => releaseChangelog(released, '0.2.0', '2026-01-03', '0.2.0')).toThrow('0.2.0 is not above 0.2.0, the last release');
    expect(() => releaseChangelog(released, '0.1.9', '2026-01-03', '0.2.0')).toThrow(ReleaseRefused);
    expect(() => releaseChangelog(`${HEAD}\n## Unreleased\n\n- B.\n`, '0.0.9', '2026-01-03', '0.1.0')).toThrow("below package.json's version");
    expect(releaseChangelog(released, '0.10.0', '2026-01-03', '0.2.0')).toContain('## 0.10.0 — 2026-01-03');
  });

  it('refuses an Unreleased section with nothing but headings, or none at all', () => {
    expect(() => releaseChangelog(`${HEAD}\n## Unreleased\n\n### Added\n\n## 0.1.0 — 2026-01-02\n\n- A.\n`, '0.2.0', '2026-01-03', '0.1.0')).toThrow(/section is empty/);
    expect(() => releaseChangelog(`${HEAD}\n## Unreleased\n`, '0.2.0', '2026-01-03', '0.1.0')).toThrow(/section is empty/);
    expect(() => releaseChangelog(HEAD, '0.2.0', '2026-01-03', '0.1.0')).toThrow(/no "## Unreleased" section/);
  });

  it('parses versions to their numbers', () => {
    expect(parseVersion('1.20.300')).toEqual([1, 20, 300]);
    expect(parseVersion('0.0.65535')).toEqual([0, 0, 65535]);
  });
});
