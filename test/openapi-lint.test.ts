import { readdirSync } from 'node:fs';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import type { MatrixEntry } from './matrix/types.ts';

/**
 * The OpenAPI document of /api/openapi.json: redocly's recommended rules (redocly.yaml) find no error;
 * every operation has a unique operationId, its security and its error answers; the public operations
 * are exactly those the authorisation matrix opens to the public. Building the document reads no table:
 * an empty in-memory database is enough.
 */

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

let database: Database;
let app: FastifyInstance;
let document: { paths: Record<string, Record<string, Operation>> };
let source: string;

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite' });
  app = await buildApp({ db: database.db, databaseKind: database.kind, web: false });
  const reply = await app.inject({ url: '/api/openapi.json' });
  source = reply.body;
  document = reply.json();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );

describe('the OpenAPI document', () => {
  it('passes redocly lint (recommended rules) without an error', async () => {
    const config = await loadConfig({ configPath: new URL('../redocly.yaml', import.meta.url).pathname });
    const problems = await lintFromString({ source, absoluteRef: '/api/openapi.json', config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it('gives every operation a unique operationId, its security and its error answers', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(90);
    const ids = all.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const missing: string[] = [];
    for (const { key, operation } of all) {
      if (!Array.isArray(operation.security)) missing.push(`${key}: security`);
      const responses = Object.keys(operation.responses ?? {});
      if (!responses.some((status) => status.startsWith('2') || status.startsWith('3'))) {
        missing.push(`${key}: a success answer`);
      }
      if (operation.security?.length) {
        for (const status of ['401', '403'])
          if (!responses.includes(status)) missing.push(`${key}: ${status}`);
      }
      if ((operation.parameters?.length || operation.requestBody) && !responses.includes('400')) {
        missing.push(`${key}: 400`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('opens to the public exactly the operations the authorisation matrix opens', async () => {
    const matrixDir = new URL('./matrix/', import.meta.url);
    const entries: MatrixEntry[] = [];
    for (const file of readdirSync(matrixDir).filter((f) => f.endsWith('.matrix.ts'))) {
      entries.push(...((await import(new URL(file, matrixDir).href)) as { entries: MatrixEntry[] }).entries);
    }
    const toPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
    const openInMatrix = entries
      .filter((e) => e.allow.public && e.url !== '/api/openapi.json')
      .map((e) => `${e.method} ${toPath(e.url)}`);
    // signing in is open to all; the matrix counts a refused password as "denied" for everyone
    const open = operations()
      .filter(({ operation }) => operation.security?.length === 0)
      .map(({ key }) => key);
    expect(open.sort()).toEqual([...openInMatrix, 'POST /api/auth/login'].sort());
  });
});
