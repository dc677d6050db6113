import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DATE_FIELDS, reviveEntities } from '../../src/entities/revive.js';
import { EntityTypes, type EntityProperty } from './entity-types.js';

/** Names the reviver knows although no entity type declares them as `Date`, each with why. */
const REVIVED_WITHOUT_DATE_TYPE: ReadonlyMap<string, string> = new Map();

/** Properties named like a date field but typed otherwise on purpose, each with why. */
const NOT_DATES: ReadonlyMap<string, string> = new Map();

const types = new EntityTypes();
const properties = types.properties();

function grouped(list: readonly EntityProperty[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const property of list) byName.set(property.name, [...(byName.get(property.name) ?? []), property.path]);
  return byName;
}

const dateProperties = grouped(properties.filter((property) => types.includesDate(property.type)));

describe('the revived date fields and the entity types', () => {
  it('walks every exported entity type, nested ones included', () => {
    assert.ok(types.exported.size > 150, `only ${types.exported.size} exported types found`);
    for (const path of ['Status.created_at', 'Account.last_status_at', 'Relationship.muting_expires_at', 'InstanceV2.usage.users.active_month']) {
      assert.ok(properties.some((property) => property.path === path), `${path} not found`);
    }
  });

  it('revives every property that an entity type declares as Date', () => {
    const missing = [...dateProperties].filter(([name]) => !DATE_FIELDS.has(name))
      .map(([name, paths]) => `${name} (${paths.join(', ')})`);
    assert.deepEqual(missing, [], `typed Date but not revived: ${missing.join('; ')}`);
  });

  it('declares as Date every field the reviver turns into one', () => {
    const stray = [...DATE_FIELDS.keys()].filter((name) => !dateProperties.has(name) && !REVIVED_WITHOUT_DATE_TYPE.has(name));
    assert.deepEqual(stray, [], `revived but no entity type declares them as Date: ${stray.join(', ')}`);
  });

  it('types no property with a revived name as something other than Date', () => {
    const clashes = properties
      .filter((property) => DATE_FIELDS.has(property.name) && !types.includesDate(property.type) && !NOT_DATES.has(property.path))
      .map((property) => `${property.path}: ${types.show(property.type)}`);
    assert.deepEqual(clashes, [], `these would arrive as Dates against their types: ${clashes.join('; ')}`);
  });

  it('turns a value of every Date property, in the form the server sends, into a Date', () => {
    for (const name of dateProperties.keys()) {
      const wire = DATE_FIELDS.get(name) === 'epoch' ? '1669852800' : '2022-12-01T19:48:34.595Z';
      const revived = reviveEntities(JSON.parse(JSON.stringify({ entity: { [name]: wire } })) as { entity: Record<string, unknown> });
      assert.ok(revived.entity[name] instanceof Date, `${name} stayed ${String(revived.entity[name])}`);
    }
  });
});
