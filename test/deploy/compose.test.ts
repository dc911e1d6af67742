/**
 * docker-compose.yml cannot be run here (no Docker, no network), so it is checked for what a run
 * would need: it parses as YAML (PyYAML, which understands the `<<:` merge keys Compose uses;
 * skipped with a message where Python has no yaml module), both bot instances get a configuration
 * the bot accepts, exactly one of them ingests, and the proxy forwards to both on the port they
 * listen on.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The compose file as plain data, or why it cannot be parsed here. */
function parseCompose(): { compose?: Compose; why?: string } {
  const script = 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))))';
  const run = spawnSync('python3', ['-c', script, join(ROOT, 'docker-compose.yml')], { encoding: 'utf8' });
  if (run.error || /No module named/.test(run.stderr)) return { why: 'python3 with PyYAML is not installed' };
  if (run.status !== 0) throw new Error(`docker-compose.yml does not parse: ${run.stderr}`);
  return { compose: JSON.parse(run.stdout) as Compose };
}

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

/** `${NAME:?message}` and `${NAME}` replaced with a value of the right shape, as .env would give. */
function substituted(value: string): string {
  const samples: Record<string, string> = {
    BOT_TOKEN: '123456789:AAExampleTokenExampleToken',
    DOMAIN: 'bot.example.org',
    WEBHOOK_SECRET: 'a-long-random-secret',
    POSTGRES_PASSWORD: 'pw',
  };
  return value.replace(/\$\{(\w+)(?::\?[^}]*)?\}/g, (_all, name: string) => samples[name] ?? `<${name}>`);
}

const parsed = parseCompose();
if (parsed.why) console.warn(`docker-compose.yml check skipped: ${parsed.why}`);

describe.runIf(parsed.compose !== undefined)('docker-compose.yml', () => {
  const compose = parsed.compose!;
  const bots = Object.entries(compose.services).filter(([, service]) => service.build === '.');

  it('runs PostgreSQL 15, two bot instances built from the Dockerfile and a proxy', () => {
    expect(compose.services.postgres.image).toBe('postgres:15');
    expect(bots.map(([name]) => name)).toEqual(['bot-a', 'bot-b']);
    expect(compose.services.proxy.ports).toEqual(['80:80', '443:443']);
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toContain('CMD ["node", "bin/main.mjs"]');
    for (const [, service] of Object.entries(compose.services))
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!source.startsWith('.')) expect(compose.volumes, source).toHaveProperty(source);
      }
  });

  it('gives both instances a configuration the bot accepts, on the same database and webhook, one of them ingesting', () => {
    const configs = bots.map(([, service]) =>
      loadConfig(Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, substituted(String(value))]))),
    );
    expect(configs.map((config) => config.ingest)).toEqual([true, false]);
    for (const config of configs) {
      expect(config.databaseUrl).toBe('postgres://xiangwen:pw@postgres:5432/xiangwen');
      expect(config.webhookUrl).toBe('https://bot.example.org/hook');
      expect(config.webhookSecret).toBe('a-long-random-secret');
      expect(config.dataDir).toBe('/data');
    }
    // Each instance keeps its own SQLite state.
    expect(new Set(bots.map(([, service]) => service.volumes?.find((v) => v.endsWith(':/data'))))).toHaveProperty('size', 2);
  });

  it('has the proxy forward round robin to both instances on the port they listen on', () => {
    const caddyfile = readFileSync(join(ROOT, 'deploy/Caddyfile'), 'utf8');
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddyfile)?.[1].trim().split(/\s+/);
    expect(upstreams).toEqual(bots.map(([name, service]) => `${name}:${service.environment?.PORT}`));
    expect(caddyfile).toMatch(/lb_policy round_robin/);
    expect(compose.services.proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
  });
});
