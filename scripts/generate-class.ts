// Writes src/client/mastodon.ts: the Mastodon class, MastodonClient with every function of
// src/api.ts as a method of the same name. A function that takes the client first becomes a
// method that passes `this`; a pure helper a method that passes its arguments on; the few that
// Mastodon.py has as static methods (STATICS) become static methods too. Signatures (overloads
// and type parameters included) and doc comments are the functions' own, read with the
// TypeScript compiler; examples are turned from `fn(client, …)` into `api.fn(…)`.
//
//   npx tsx scripts/generate-class.ts           write src/client/mastodon.ts
//   npx tsx scripts/generate-class.ts --check   fail if src/client/mastodon.ts is not what it would write
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLASS_FILE = join(ROOT, 'src', 'client', 'mastodon.ts');
const API_FILE = join(ROOT, 'src', 'api.ts');
const CORE_FILE = join(ROOT, 'src', 'core.ts');

/** Functions Mastodon.py has as static methods: static only, or static and instance method. */
const STATICS: Readonly<Record<string, 'static' | 'static and instance'>> = {
  createApp: 'static',
  getSupportedVersion: 'static and instance',
  getStatusLength: 'static and instance',
};

/** One function of the api module, as the class needs it. */
interface ApiFunction {
  readonly name: string;
  readonly module: string;
  readonly takesClient: boolean;
  /** One per overload: the doc comment (or '') and the signature without the client. */
  readonly signatures: readonly { doc: string; declaration: ts.MethodDeclaration }[];
}

function program(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  if (!config) throw new Error('Cannot read tsconfig.json');
  return ts.createProgram([API_FILE, CORE_FILE], { ...config.options, noEmit: true });
}

function exportsOf(checker: ts.TypeChecker, file: ts.SourceFile): ts.Symbol[] {
  const module = checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`${file.fileName} is not a module`);
  return checker.getExportsOfModule(module);
}

function resolved(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The doc comment written right before a declaration (the statement's, for a `const`). */
function docOf(node: ts.Node): string {
  const owner = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  const docs = (owner as { jsDoc?: ts.JSDoc[] }).jsDoc;
  return docs && docs.length > 0 ? docs[docs.length - 1]!.getText() : '';
}

function isClient(checker: ts.TypeChecker, parameter: ts.Symbol | undefined): boolean {
  if (parameter === undefined) return false;
  return checker.getTypeOfSymbol(parameter).getSymbol()?.getName() === 'MastodonClient';
}

/** `options?: T | undefined` → `options?: T`: optional already says it. */
function withoutUndefined(parameter: ts.ParameterDeclaration): ts.ParameterDeclaration {
  const type = parameter.type;
  if (!parameter.questionToken || !type || !ts.isUnionTypeNode(type)) return parameter;
  const kept = type.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
  if (kept.length === type.types.length) return parameter;
  const single = kept[0]!;
  const narrowed = kept.length > 1 ? ts.factory.createUnionTypeNode(kept) : ts.isParenthesizedTypeNode(single) ? single.type : single;
  return ts.factory.updateParameterDeclaration(parameter, parameter.modifiers, parameter.dotDotDotToken, parameter.name,
    parameter.questionToken, narrowed, parameter.initializer);
}

const PRINT_FLAGS = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.UseAliasDefinedOutsideCurrentScope
  | ts.NodeBuilderFlags.WriteTypeArgumentsOfSignature;

function apiFunctions(checker: ts.TypeChecker, api: ts.SourceFile): ApiFunction[] {
  const found: ApiFunction[] = [];
  for (const exported of exportsOf(checker, api)) {
    const symbol = resolved(checker, exported);
    if (!(symbol.flags & ts.SymbolFlags.Value)) continue;
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration) throw new Error(`${exported.name} has no declaration`);
    const calls = checker.getTypeOfSymbol(symbol).getCallSignatures();
    if (calls.length === 0) {
      if (checker.getTypeOfSymbol(symbol).getProperty('returns') && checker.getTypeOfSymbol(symbol).getProperty('path')) continue;
      throw new Error(`src/api.ts exports ${exported.name}, which is neither a function nor an endpoint row`);
    }
    const takesClient = calls.every((signature) => isClient(checker, signature.getParameters()[0]));
    if (!takesClient && calls.some((signature) => isClient(checker, signature.getParameters()[0]))) {
      throw new Error(`${exported.name}: some overloads take the client first and some do not`);
    }
    const signatures = calls.map((signature) => {
      const node = checker.signatureToSignatureDeclaration(signature, ts.SyntaxKind.MethodDeclaration, undefined, PRINT_FLAGS);
      if (!node || !ts.isMethodDeclaration(node)) throw new Error(`${exported.name}: cannot print its signature`);
      const parameters = (takesClient ? node.parameters.slice(1) : [...node.parameters]).map(withoutUndefined);
      const method = ts.factory.createMethodDeclaration(undefined, undefined, exported.name, undefined, node.typeParameters,
        parameters, node.type, undefined);
      const own = signature.getDeclaration();
      const doc = own && (ts.isFunctionDeclaration(own) || ts.isMethodSignature(own)) ? docOf(own) : docOf(declaration);
      return { doc, declaration: method };
    });
    found.push({ name: exported.name, module: relative(ROOT, declaration.getSourceFile().fileName), takesClient, signatures });
  }
  return found;
}

/** Every type name a node refers to. */
function typeNames(node: ts.Node, into: Set<string>): void {
  if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
    let name: ts.Node = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
    while (ts.isQualifiedName(name)) name = name.left;
    if (ts.isIdentifier(name)) into.add(name.text);
  }
  if (ts.isImportTypeNode(node)) throw new Error(`A signature names a type that is not exported: ${ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, ts.createSourceFile('x.ts', '', ts.ScriptTarget.ES2022))}`);
  ts.forEachChild(node, (child) => typeNames(child, into));
}

/** Doc comments say `fn(client, …)`; on the class they say `api.fn(…)` (or `Mastodon.fn(…)`). */
function methodDoc(doc: string, functions: readonly ApiFunction[], asStatic: boolean): string {
  let text = doc;
  for (const fn of functions) {
    const owner = STATICS[fn.name] === 'static' || (asStatic && STATICS[fn.name]) ? 'Mastodon' : 'api';
    const name = fn.name;
    if (fn.takesClient) {
      // An explicit type argument (`apiRequest<Status>(client, …)`) stays where it is.
      text = text.replace(new RegExp(`(?<![.\\w])${name}(<[\\w<>\\[\\], ]*>)?\\(client\\)`, 'g'), `${owner}.${name}$1()`);
      text = text.replace(new RegExp(`(?<![.\\w])${name}(<[\\w<>\\[\\], ]*>)?\\(client, `, 'g'), `${owner}.${name}$1(`);
    } else {
      text = text.replace(new RegExp(`(?<![.\\w])${name}\\(`, 'g'), `${owner}.${name}(`);
    }
  }
  return text;
}

function indent(text: string, by: string): string {
  return text.split('\n').map((line) => (line.trim() === '' ? '' : by + line.trimStart().replace(/^\*/, ' *'))).join('\n');
}

function parameterName(parameter: ts.ParameterDeclaration): string {
  if (!ts.isIdentifier(parameter.name)) throw new Error('Destructured parameters cannot be passed on by name');
  return parameter.name.text;
}

function methodText(fn: ApiFunction, functions: readonly ApiFunction[], printer: ts.Printer, file: ts.SourceFile, asStatic: boolean): string {
  const lines: string[] = [];
  const prefix = asStatic ? 'static ' : '';
  const target = `api.${fn.name}`;
  const callArgs = (declaration: ts.MethodDeclaration): string => [
    ...(fn.takesClient ? ['this'] : []),
    ...declaration.parameters.map((p) => `${p.dotDotDotToken ? '...' : ''}${parameterName(p)}`),
  ].join(', ');
  const printed = (declaration: ts.MethodDeclaration): string => printer.printNode(ts.EmitHint.Unspecified, declaration, file).replace(/;$/, '');
  const docFor = (doc: string): void => {
    if (doc) lines.push(indent(methodDoc(doc, functions, asStatic), '  '));
  };
  if (fn.signatures.length === 1) {
    const { doc, declaration } = fn.signatures[0]!;
    docFor(doc);
    lines.push(`  ${prefix}${printed(declaration)} {`);
    lines.push(`    return ${target}(${callArgs(declaration)});`);
    lines.push('  }');
  } else {
    for (const { doc, declaration } of fn.signatures) {
      docFor(doc);
      lines.push(`  ${prefix}${printed(declaration)};`);
    }
    lines.push(`  ${prefix}${fn.name}(...args: unknown[]): unknown {`);
    lines.push(`    return Reflect.apply(${target}, undefined, ${fn.takesClient ? '[this, ...args]' : 'args'});`);
    lines.push('  }');
  }
  return lines.join('\n');
}

/** `import type { … } from 'module';`, wrapped at 110 columns. */
function typeImport(names: ReadonlySet<string>, module: string): string {
  const sorted = [...names].sort();
  const single = `import type { ${sorted.join(', ')} } from '${module}';`;
  if (single.length <= 110) return single;
  const lines: string[] = [];
  let line = ' ';
  for (const name of sorted) {
    if (line.length + name.length + 2 > 110) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${name},`;
  }
  lines.push(line);
  return ['import type {', ...lines, `} from '${module}';`].join('\n');
}

/** The text of src/client/mastodon.ts. */
export function classSource(): string {
  const built = program();
  const checker = built.getTypeChecker();
  const api = built.getSourceFile(API_FILE)!;
  const core = built.getSourceFile(CORE_FILE)!;
  const functions = apiFunctions(checker, api);
  const printer = ts.createPrinter({ removeComments: true, omitTrailingSemicolon: false });

  const methods: string[] = [];
  let module = '';
  const statics = functions.filter((fn) => STATICS[fn.name]);
  for (const fn of statics) methods.push(methodText(fn, functions, printer, api, true));
  for (const fn of functions) {
    if (STATICS[fn.name] === 'static') continue;
    if (fn.module !== module) {
      module = fn.module;
      methods.push(`  // ${module.replace(/^src\//, '')}`);
    }
    methods.push(methodText(fn, functions, printer, api, false));
  }

  const used = new Set<string>();
  for (const fn of functions) for (const { declaration } of fn.signatures) typeNames(declaration, used);
  const fromApi = new Set(exportsOf(checker, api).map((s) => s.name));
  const fromCore = new Set(exportsOf(checker, core).map((s) => s.name));
  const globals = new Set(checker.getSymbolsInScope(api, ts.SymbolFlags.Type).map((s) => s.name));
  const imports = { api: new Set<string>(), core: new Set<string>(['MastodonClient']), rxjs: new Set<string>() };
  for (const name of [...used].sort()) {
    if (name === 'Observable') imports.rxjs.add(name);
    else if (fromApi.has(name)) imports.api.add(name);
    else if (fromCore.has(name)) imports.core.add(name);
    else if (!globals.has(name) && !functions.some((fn) => fn.signatures.some((s) => s.declaration.typeParameters?.some((p) => p.name.text === name)))) {
      throw new Error(`A signature of src/api.ts names ${name}, which neither src/api.ts nor src/core.ts exports`);
    }
  }
  const coreTypes = new Set([...imports.core].filter((n) => n !== 'MastodonClient'));
  return [
    '// Generated by scripts/generate-class.ts from the exports of src/api.ts: do not edit by hand.',
    '// Add or change an endpoint in its area module, then run `npx tsx scripts/generate-class.ts`.',
    typeImport(imports.rxjs, 'rxjs'),
    "import * as api from '../api.js';",
    typeImport(imports.api, '../api.js'),
    "import { MastodonClient } from './client.js';",
    ...(coreTypes.size ? [typeImport(coreTypes, '../core.js')] : []),
    '',
    '/**',
    ' * A client for one Mastodon server and (optionally) one user, with every endpoint as a method:',
    ' * `MastodonClient` and every function of `mastodon-rx/api`, so Mastodon.py code ports line by',
    ' * line. Every API method returns a cold Observable: nothing is sent before subscribe, each',
    ' * subscription sends once, unsubscribing aborts the request in flight, and every error,',
    ' * argument errors included, arrives in the error channel. For the smallest browser bundles,',
    ' * use `MastodonClient` and the functions of `mastodon-rx/api` instead.',
    ' *',
    ' * ## Example',
    ' * ```ts',
    " * import { firstValueFrom } from 'rxjs';",
    " * import { Mastodon } from 'mastodon-rx';",
    ' *',
    " * const api = new Mastodon({ api_base_url: 'https://mastodon.example', access_token: 'usercred.secret' });",
    " * const status = await firstValueFrom(api.toot('Tooting from TypeScript!'));",
    ' * ```',
    ' */',
    'export class Mastodon extends MastodonClient {',
    methods.join('\n\n'),
    '}',
    '',
  ].join('\n');
}

function main(argv: readonly string[]): number {
  const source = classSource();
  if (argv.includes('--check')) {
    const current = existsSync(CLASS_FILE) ? readFileSync(CLASS_FILE, 'utf8') : '';
    if (current === source) return 0;
    console.error('src/client/mastodon.ts is stale: run `npx tsx scripts/generate-class.ts` and commit it.');
    return 1;
  }
  writeFileSync(CLASS_FILE, source);
  console.log(`Wrote ${relative(ROOT, CLASS_FILE)}`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
