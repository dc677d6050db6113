import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { reviveEntities } from '../../src/entities/revive.js';
import { EntityTypes } from './entity-types.js';

const EXAMPLES = fileURLToPath(new URL('../fixtures/entity-examples-4.7/', import.meta.url));

/** The type each documented example shows, by fixture name (without `.json`). */
const TYPE_OF_EXAMPLE: Readonly<Record<string, string>> = {
  'Account.1': 'Account', 'Account.3': 'PartialAccountWithAvatar',
  Admin_Account: 'Admin_Account', Admin_CanonicalEmailBlock: 'Admin_CanonicalEmailBlock',
  'Admin_Cohort.1': 'Admin_Cohort', 'Admin_Cohort.2': 'Admin_Cohort',
  'Admin_Dimension.4': 'Admin_Dimension', 'Admin_Dimension.5': 'Admin_Dimension', 'Admin_Dimension.6': 'Admin_Dimension',
  Admin_DomainAllow: 'Admin_DomainAllow', Admin_DomainBlock: 'Admin_DomainBlock',
  Admin_EmailDomainBlock: 'Admin_EmailDomainBlock', Admin_Ip: 'Admin_Ip', Admin_IpBlock: 'Admin_IpBlock',
  ...Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`Admin_Measure.${i + 1}`, 'Admin_Measure'])),
  Announcement: 'Announcement', 'AnnualReport.1': 'AnnualReport', Application: 'Application',
  AsyncRefresh: 'WrappedAsyncRefresh', 'Collection.1': 'Collection',
  'CollectionItem.1': 'CollectionItem', 'CollectionItem.2': 'WrappedCollectionItem',
  CustomEmoji: 'CustomEmoji', DomainBlock: 'DomainBlock', ExtendedDescription: 'ExtendedDescription',
  FeatureApproval: 'FeatureApproval', FeaturedTag: 'FeaturedTag',
  Filter: 'FilterV2', FilterKeyword: 'FilterKeyword', FilterResult: 'FilterResult', FilterStatus: 'FilterStatus',
  Instance: 'InstanceV2', List: 'List', Marker: 'Marker',
  'MediaAttachment.1': 'MediaAttachment', 'MediaAttachment.2': 'MediaAttachment',
  'MediaAttachment.3': 'MediaAttachment', 'MediaAttachment.4': 'MediaAttachment',
  NotificationPolicy: 'NotificationPolicy', Poll: 'Poll', Preferences: 'Preferences',
  'PreviewCard.1': 'PreviewCard', 'PreviewCard.2': 'PreviewCard', 'PreviewCard.3': 'PreviewCard',
  'PreviewCard.4': 'TrendingLink', PrivacyPolicy: 'PrivacyPolicy', Profile: 'Profile',
  Quote: 'Quote', QuoteApproval: 'QuoteApproval', Reaction: 'AnnouncementReaction',
  Relationship: 'Relationship', Report: 'Report', Role: 'Role', Rule: 'Rule',
  'ScheduledStatus.1': 'ScheduledStatus', 'ScheduledStatus.2': 'ScheduledStatus',
  ShallowQuote: 'ShallowQuote', ShallowTag: 'ShallowTag', Status: 'Status', StatusSource: 'StatusSource',
  'Tag.1': 'Tag', 'Tag.2': 'Admin_Tag', TermsOfService: 'TermsOfService', Token: 'Token',
  'Translation.1': 'Translation', 'Translation.2': 'Translation',
  V1_Filter: 'Filter', V1_Instance: 'Instance', V1_NotificationPolicy: 'NotificationPolicyV1',
};

/** Disagreements between an example and its type that are the example's fault, by `fixture:path`. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  'Account.1:.group': 'left out of the documentation\'s example; Mastodon\'s account serializer always sends it (since 3.1)',
  'Status:.edited_at': 'left out of the documentation\'s example; Mastodon\'s status serializer always sends it, null when unedited (since 3.5)',
  'Quote:.quoted_status.edited_at': 'the same example status as `Status`, without `edited_at`',
  'PreviewCard.3:.published_at':
    'written as epoch seconds in the documentation\'s example; Mastodon serialises the datetime column as ISO 8601, which is revived',
  'Instance:.configuration.accounts.max_display_name_lenth':
    'a misspelling in the documentation; Mastodon sends `max_display_name_length`, which the type declares',
};

const types = new EntityTypes();
const { checker } = types;

/** What is wrong with `value` as a `type`, one line per problem, each starting with its path. */
function disagreements(value: unknown, type: ts.Type, path: string): string[] {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return [];
  const problem = (what: string): string[] => [`${path}: ${what}, typed ${types.show(type)}`];
  if (value === null) return checker.isTypeAssignableTo(checker.getNullType(), type) ? [] : problem('null');
  if (value instanceof Date) return types.includesDate(type) ? [] : problem('a Date');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const literal = typeof value === 'string' ? checker.getStringLiteralType(value)
      : typeof value === 'number' ? checker.getNumberLiteralType(value)
        : value ? checker.getTrueType() : checker.getFalseType();
    if (checker.isTypeAssignableTo(literal, type)) return [];
    return problem(types.includesDate(type) ? `${JSON.stringify(value)}, not revived into a Date` : JSON.stringify(value));
  }
  if (Array.isArray(value)) {
    const element = types.members(type).map((member) => types.elementOf(member)).find((found) => found !== undefined);
    if (element === undefined) return problem('an array');
    return value.flatMap((item, i) => disagreements(item, element, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    const candidates = types.objectMembers(type);
    if (candidates.length === 0) return problem('an object');
    // A union of object types (`Quote | ShallowQuote`): the member the value fits best.
    return candidates.map((member) => objectDisagreements(value as Record<string, unknown>, member, path))
      .reduce((best, next) => (next.length < best.length ? next : best));
  }
  return problem(typeof value);
}

function objectDisagreements(value: Record<string, unknown>, type: ts.Type, path: string): string[] {
  const found: string[] = [];
  const indexed = types.indexTypeOf(type);
  for (const [key, field] of Object.entries(value)) {
    const property = type.getProperty(key);
    if (property !== undefined) found.push(...disagreements(field, types.typeOf(property), `${path}.${key}`));
    else if (indexed !== undefined) found.push(...disagreements(field, indexed, `${path}.${key}`));
    else found.push(`${path}.${key}: not declared by ${types.show(type)}`);
  }
  for (const property of checker.getPropertiesOfType(type)) {
    if (!(property.flags & ts.SymbolFlags.Optional) && !(property.name in value)) {
      found.push(`${path}.${property.name}: required by ${types.show(type)} but missing`);
    }
  }
  return found;
}

function example(name: string): unknown {
  return reviveEntities(JSON.parse(readFileSync(`${EXAMPLES}${name}.json`, 'utf8')) as unknown);
}

function countDates(value: unknown): number {
  if (value instanceof Date) return 1;
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce((sum: number, field) => sum + countDates(field), 0);
}

const fixtures = readdirSync(EXAMPLES).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)).sort();

describe('the documented entity examples of Mastodon 4.7 and the entity types', () => {
  it('names a type for every example fixture, and a fixture for every name', () => {
    assert.deepEqual(fixtures, Object.keys(TYPE_OF_EXAMPLE).sort());
  });

  const used = new Set<string>();
  for (const name of fixtures) {
    it(`${name} agrees with ${TYPE_OF_EXAMPLE[name]}`, () => {
      const type = types.type(TYPE_OF_EXAMPLE[name]!);
      const value = example(name);
      const items = Array.isArray(value) ? value : [value];
      const problems = items.flatMap((item) => disagreements(item, type, ''))
        .filter((problem) => {
          const key = `${name}:${problem.slice(0, problem.indexOf(': '))}`;
          if (EXCEPTIONS[key] === undefined) return true;
          used.add(key);
          return false;
        });
      assert.deepEqual(problems, []);
    });
  }

  it('uses every written exception, so none outlives the example it excuses', () => {
    assert.deepEqual(Object.keys(EXCEPTIONS).filter((key) => !used.has(key)), []);
  });

  it('finds the dates of the examples revived into Dates', () => {
    const dates = fixtures.reduce((sum, name) => sum + countDates(example(name)), 0);
    assert.ok(dates >= 100, `only ${dates} Dates in the examples`);
    const status = example('Status') as { created_at: unknown; account: { created_at: unknown; last_status_at: unknown } };
    assert.ok(status.created_at instanceof Date && status.account.created_at instanceof Date && status.account.last_status_at instanceof Date);
    const terms = example('TermsOfService') as { effective_date: unknown };
    assert.deepEqual(terms.effective_date, new Date('2025-04-15'));
  });
});
