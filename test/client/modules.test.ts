import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import * as api from '../../src/api.js';
import { Mastodon, MastodonClient } from '../../src/index.js';

const SRC = join(process.cwd(), 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sources(SRC).map((path) => ({
  name: relative(SRC, path),
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true),
}));

/** The files a module imports or re-exports (types included), as paths under src/. */
function importsOf(file: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier
      && ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
  }
  return specifiers.filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, resolve(dirname(file.fileName), s.replace(/\.js$/, '.ts'))));
}

/**
 * Whether a bundler can drop an unused initializer: it only makes a value (literals,
 * functions, objects and arrays of such, arithmetic) or calls what is marked `@__PURE__` with
 * such arguments. No call it cannot see into, no object spread (a getter could run).
 */
function droppable(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)
    || ts.isExpressionWithTypeArguments(node)) return droppable(node.expression);
  if (ts.isLiteralExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isIdentifier(node)) return true;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return true;
  if ([ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(node.kind)) return true;
  if (ts.isPrefixUnaryExpression(node)) return droppable(node.operand);
  if (ts.isBinaryExpression(node)) {
    return [ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken].includes(node.operatorToken.kind)
      && droppable(node.left) && droppable(node.right);
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.every((e) => !ts.isSpreadElement(e) && droppable(e));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((p) => (ts.isPropertyAssignment(p) && droppable(p.initializer)) || ts.isShorthandPropertyAssignment(p)
      || ts.isMethodDeclaration(p));
  }
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const text = node.getSourceFile().text;
    const pure = text.slice(node.getFullStart(), node.getStart()).includes('@__PURE__');
    return pure && (node.arguments ?? []).every(droppable);
  }
  return false;
}

/** Top-level statements that do something when the module loads, rather than declare. */
function loadTimeStatements(name: string, source: ts.SourceFile): string[] {
  return source.statements.filter((statement) => !(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
    || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)
    || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)
    || ts.isVariableStatement(statement)))
    .map((statement) => `${name}:${source.getLineAndCharacterOfPosition(statement.getStart()).line + 1} ${statement.getText().slice(0, 60)}`);
}

describe('the module graph', () => {
  it('has no module but the class itself, the main entry point and the Angular provider of the class import the Mastodon class', () => {
    const allowed = new Set(['index.ts', join('client', 'mastodon.ts'), join('angular', 'mastodon.ts')]);
    const importers = files.filter(({ name, source }) => !allowed.has(name) && importsOf(source).includes(join('client', 'mastodon.ts')))
      .map(({ name }) => name);
    assert.deepEqual(importers, []);
  });

  it('keeps mastodon-rx/core and mastodon-rx/api free of the class and of each other\'s direction (api needs core, core no api), and Angular to its entry point', () => {
    const graph = new Map(files.map(({ name, source }) => [name, importsOf(source)]));
    const reach = (start: string): Set<string> => {
      const seen = new Set<string>();
      const visit = (name: string): void => {
        if (seen.has(name)) return;
        seen.add(name);
        for (const next of graph.get(name) ?? []) visit(next);
      };
      visit(start);
      return seen;
    };
    const fromCore = reach('core.ts');
    assert.ok(!fromCore.has(join('client', 'mastodon.ts')), 'core reaches the class');
    assert.ok(!fromCore.has('api.ts'), 'core reaches the api barrel');
    assert.ok(!reach('api.ts').has(join('client', 'mastodon.ts')), 'api reaches the class');
    const angular = [...reach('core.ts'), ...reach('api.ts'), ...reach('index.ts'), ...reach(join('testing', 'index.ts'))]
      .filter((name) => name.startsWith(`angular${sep}`) || name === 'angular.ts');
    assert.deepEqual(angular, [], 'only mastodon-rx/angular reaches the Angular modules');
  });

  it('does nothing at load time (package.json says sideEffects: false): no registration, patching or other statements', () => {
    assert.deepEqual(files.flatMap(({ name, source }) => loadTimeStatements(name, source)), []);
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { sideEffects?: unknown };
    assert.equal(pkg.sideEffects, false);
  });

  it('declares every endpoint so that a bundler can drop it: pure calls over plain values', () => {
    const kept: string[] = [];
    for (const { name, source } of files.filter((file) => file.name.startsWith(`endpoints${sep}`))) {
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          if (declaration.initializer && !droppable(declaration.initializer)) {
            kept.push(`${name}:${source.getLineAndCharacterOfPosition(declaration.getStart()).line + 1} ${declaration.name.getText()}`);
          }
        }
      }
    }
    assert.deepEqual(kept, []);
  });
});

describe('mastodon-rx/api', () => {
  /** The functions that need no client: Mastodon.py's pure helpers and its static createApp. */
  const CLIENTLESS = ['createApp', 'decodeBlurhash', 'filtersApply', 'generateMediaEditAttributes', 'getAsyncRefreshInfo', 'getPaginationInfo', 'getStatusLength', 'getSupportedVersion', 'makePkcePair', 'makePoll',
    'pushSubscriptionDecryptPush', 'pushSubscriptionGenerateKeys'];

  it('exports endpoints only: functions that take the client first, rows, and the known pure helpers', () => {
    const clientless: string[] = [];
    for (const [name, value] of Object.entries(api)) {
      if (typeof value !== 'function') {
        assert.ok('method' in value && 'path' in value && 'returns' in value, `${name} is neither a function nor a row`);
        continue;
      }
      if (!/^[^(]*\(\s*client\b/.test(value.toString()) && !('row' in value) && !('rows' in value)) clientless.push(name);
    }
    assert.deepEqual(clientless.sort(), CLIENTLESS);
  });

  it('gives the Mastodon class one method per function, and nothing else beyond MastodonClient', () => {
    const functions = Object.entries(api).filter(([, value]) => typeof value === 'function').map(([name]) => name);
    const methods = Object.getOwnPropertyNames(Mastodon.prototype).filter((name) => name !== 'constructor');
    assert.deepEqual(methods.filter((name) => !functions.includes(name)), []);
    assert.deepEqual(functions.filter((name) => !methods.includes(name) && !(name in Mastodon)), []);
    assert.ok(Object.getPrototypeOf(Mastodon.prototype) === MastodonClient.prototype);
    assert.equal(typeof Mastodon.createApp, 'function');
    assert.equal(typeof Mastodon.getSupportedVersion, 'function');
  });
});
