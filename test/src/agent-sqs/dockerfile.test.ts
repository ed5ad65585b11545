import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENT_BUNDLE_NAME } from '../../../agent/scripts/build.ts';
import { AGENT_DIR } from './chart-files.ts';

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions (comments dropped, continuations joined). */
function readStages(text: string): Stage[] {
  const lines = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: Stage[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const [base = '', , name] = rest;
      stages.push({ name: name ?? String(stages.length), base, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const dockerfile = readFileSync(`${AGENT_DIR}Dockerfile`, 'utf8');
const stages = readStages(dockerfile);
const runtime = stages.at(-1)!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);

describe('agent/Dockerfile', () => {
  describe('when it builds', () => {
    it('is multi-stage and ends on a slim Node 24 image', () => {
      expect(stages.length).toBeGreaterThanOrEqual(2);
      expect(runtime.base).toMatch(/^node:24-(slim|alpine)/);
    });

    it('installs the agent and shared workspaces only, from the lockfile, and bundles them', () => {
      const installs = stages
        .flatMap((stage) => all(stage, 'RUN'))
        .filter((i) => /\bnpm (ci|install|i)\b/.test(i.args));
      expect(installs).toHaveLength(1);
      const install = installs[0]!.args;
      expect(install).toMatch(/\bnpm ci\b/);
      expect(install).toMatch(/--include-workspace-root=false/);
      const workspaces = [...install.matchAll(/--workspace[= ](\S+)/g)].map((m) => m[1]).sort();
      const agentPackage = JSON.parse(readFileSync(`${AGENT_DIR}package.json`, 'utf8'));
      const internal = Object.keys(agentPackage.dependencies).filter((name) =>
        name.startsWith('@opsworker/'),
      );
      expect(workspaces).toEqual([agentPackage.name, ...internal].sort());
      const builds = stages
        .flatMap((stage) => all(stage, 'RUN'))
        .filter((i) => /npm run .*\bbuild\b/.test(i.args));
      expect(builds.map((b) => b.args)).toEqual([`npm run -w ${agentPackage.name} build`]);
      expect(agentPackage.scripts.build).toBe('node scripts/build.ts');
    });
  });

  describe('when it runs', () => {
    it('holds only the bundle: no node_modules, no sources, no npm, never the whole context', () => {
      const copies = all(runtime, 'COPY');
      expect(copies.map((c) => c.args)).toEqual(['--from=build /app/agent/dist ./']);
      for (const stage of stages) {
        for (const copy of all(stage, 'COPY')) {
          expect(copy.args, `${stage.name}: COPY ${copy.args}`).not.toMatch(
            /^\.\s|\s\.\s+\S+$|\b(cloud|chatbot|desktop|test)\//,
          );
        }
      }
      expect(all(runtime, 'RUN').filter((r) => /\bnpm\b/.test(r.args) && !/rm -rf/.test(r.args))).toEqual([]);
    });

    it('runs as a numeric non-root user, set after every step that needs root', () => {
      const users = all(runtime, 'USER');
      expect(users).toHaveLength(1);
      expect(users[0]!.args).toMatch(/^[1-9]\d*(:\d+)?$/);
      const index = runtime.instructions.indexOf(users[0]!);
      expect(
        runtime.instructions.slice(index + 1).filter((i) => ['RUN', 'COPY', 'ADD'].includes(i.keyword)),
      ).toEqual([]);
    });

    it('starts the bundle that agent/scripts/build.ts names with the run command', () => {
      expect(all(runtime, 'CMD').map((c) => JSON.parse(c.args))).toEqual([
        ['node', AGENT_BUNDLE_NAME, 'run'],
      ]);
    });
  });

  describe('when its context is sent', () => {
    it('leaves out dependencies, version control and tests (BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile)', () => {
      const ignored = readFileSync(`${AGENT_DIR}Dockerfile.dockerignore`, 'utf8').split('\n');
      expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/.git', '**/*.test.ts']));
    });
  });
});
