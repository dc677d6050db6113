import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableRouteKeys } from '../../src/testing/index.js';
import { useFakeServer } from '../support/fake.js';

// The admin API of Mastodon as the operation survey lists it (the documented admin pages and
// the operations Mastodon routes without documenting them): every one is a row here, and the
// fake server guards every one with the admin scopes.

/** `METHOD /path` with the path's parameters blanked and no trailing slash, to compare routes by shape. */
const shape = (route: string): string => route.replace(/\{\w+\}/g, '{}').replace(/\/+$/, '');

function surveyedAdminOperations(): string[] {
  const survey = readFileSync(join(process.cwd(), 'test', 'fixtures', 'mastodon-api', 'operations-coverage.md'), 'utf8');
  const sections = survey.split(/^### /m).filter((section) => section.startsWith('Admin: '));
  return sections.flatMap((section) => [...section.matchAll(/^\| `((?:GET|POST|PUT|PATCH|DELETE) \/api\/v\d\/admin\/[^`]+)` \|/gm)].map((m) => m[1]!));
}

const adminRoutes = (): string[] => tableRouteKeys().filter((key) => / \/api\/v\d\/admin\//.test(key));

describe('the admin API', () => {
  const fake = useFakeServer();

  it('has a row for each of the 59 admin operations Mastodon routes, and for no other', () => {
    const surveyed = surveyedAdminOperations().map(shape);
    assert.equal(new Set(surveyed).size, 59);
    const here = new Set(adminRoutes().map(shape));
    assert.deepEqual(surveyed.filter((operation) => !here.has(operation)), [], 'operations without a row');
    assert.deepEqual([...here].filter((operation) => !surveyed.includes(operation)), [], 'rows of no admin operation');
  });

  it('answers 403 on every admin route to a user token without the admin scopes, and 401 without a token', async () => {
    const { account } = fake.server.createUser('noadmin');
    const token = fake.server.store.issueToken(null, account.id, ['read', 'write', 'follow', 'push']).token;
    for (const route of adminRoutes()) {
      const [method, path] = route.split(' ') as [string, string];
      const url = `${fake.server.url}${path.replace(/\{\w+\}/g, '1')}`;
      const refused = await fetch(url, { method, headers: { authorization: `Bearer ${token}` } });
      assert.equal(refused.status, 403, route);
      assert.deepEqual(await refused.json(), { error: 'This action is outside the authorized scopes' }, route);
      const anonymous = await fetch(url, { method });
      assert.equal(anonymous.status, 401, route);
      await anonymous.body?.cancel();
    }
  });
});
