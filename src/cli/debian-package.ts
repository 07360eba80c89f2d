import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Installs a browser from Debian's packages when that can work here (root on Debian with
 * apt-get), preferring `version` where Debian still has it. True once installed.
 */
export function installDebianPackage(name: string, log: (line: string) => void, version?: string): boolean {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/etc/debian_version') || spawnSync('which', ['apt-get']).status !== 0) return false;
  log(`Installing Debian’s ${name} package with apt-get…`);
  const install = (spec: string) => {
    execFileSync('apt-get', ['install', '-y', '-qq', '--allow-downgrades', spec], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    if (version) {
      try {
        install(`${name}=${version}`);
        return true;
      } catch {
        log(`Debian has no ${name} ${version} any more: installing its current version.`);
      }
    }
    install(name);
    return true;
  } catch {
    log(`apt-get could not install ${name}.`);
    return false;
  }
}
