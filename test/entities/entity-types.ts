// The entity types of src/entities as the TypeScript compiler sees them, for tests that hold
// runtime data (the reviver's field list, documented examples) against the declared types.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ENTITIES = fileURLToPath(new URL('../../src/entities/', import.meta.url));

/** A property found by walking an exported entity type, with where it was found. */
export interface EntityProperty {
  /** The property's name, as it appears on the wire. */
  name: string;
  /** Where it was found: its type's name (`Status.created_at`), or the way to an unnamed type (`Instance.stats.user_count`). */
  path: string;
  /** Its declared type. */
  type: ts.Type;
}

/** The compiled entity files: a type checker and the types they export, by name. */
export class EntityTypes {
  readonly checker: ts.TypeChecker;
  readonly exported = new Map<string, ts.Type>();
  readonly dateType: ts.Type;

  constructor() {
    const files = readdirSync(ENTITIES).filter((name) => name.endsWith('.ts')).map((name) => ENTITIES + name);
    const program = ts.createProgram(files, {
      strict: true, noEmit: true, skipLibCheck: true, types: [],
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    const problems = ts.getPreEmitDiagnostics(program);
    if (problems.length > 0) {
      throw new Error(ts.formatDiagnostics(problems, {
        getCanonicalFileName: (name) => name, getCurrentDirectory: () => ENTITIES, getNewLine: () => '\n',
      }));
    }
    this.checker = program.getTypeChecker();
    let date: ts.Type | undefined;
    for (const file of files) {
      const source = program.getSourceFile(file)!;
      const module = this.checker.getSymbolAtLocation(source);
      if (module === undefined) continue;
      for (const symbol of this.checker.getExportsOfModule(module)) {
        if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
          this.exported.set(symbol.name, this.checker.getDeclaredTypeOfSymbol(symbol));
        }
      }
      date ??= this.checker.getSymbolsInScope(source, ts.SymbolFlags.Interface)
        .filter((symbol) => symbol.name === 'Date')
        .map((symbol) => this.checker.getDeclaredTypeOfSymbol(symbol))[0];
    }
    if (date === undefined) throw new Error('The Date type was not found');
    this.dateType = date;
  }

  /** The type exported under `name`; throws for a name no entity file exports. */
  type(name: string): ts.Type {
    const type = this.exported.get(name);
    if (type === undefined) throw new Error(`No entity type is exported as ${name}`);
    return type;
  }

  /** The members of a union (the type itself otherwise). */
  members(type: ts.Type): readonly ts.Type[] {
    return type.isUnion() ? type.types : [type];
  }

  /** Whether `Date` is one of the type's members. */
  includesDate(type: ts.Type): boolean {
    return this.members(type).some((member) => member === this.dateType);
  }

  /** The element type, for an array type. */
  elementOf(type: ts.Type): ts.Type | undefined {
    if (!this.checker.isArrayType(type)) return undefined;
    return this.checker.getTypeArguments(type as ts.TypeReference)[0];
  }

  /** The object members of a type that describe JSON objects: not arrays, not `Date`. */
  objectMembers(type: ts.Type): ts.Type[] {
    return this.members(type).filter((member) =>
      (member.flags & ts.TypeFlags.Object) !== 0 && member !== this.dateType && !this.checker.isArrayType(member));
  }

  /** The type of a property symbol. */
  typeOf(property: ts.Symbol): ts.Type {
    return this.checker.getTypeOfSymbol(property);
  }

  /** The value type of a string index signature (`Record<string, T>`, `[key: string]: T`), if any. */
  indexTypeOf(type: ts.Type): ts.Type | undefined {
    return this.checker.getIndexInfosOfType(type)
      .find((info) => (info.keyType.flags & ts.TypeFlags.String) !== 0)?.type;
  }

  /**
   * Every property reachable from the exported types, nested objects, arrays and index
   * signatures included, each object type walked once.
   */
  properties(): EntityProperty[] {
    const found: EntityProperty[] = [];
    const seen = new Set<ts.Type>();
    const walk = (type: ts.Type, path: string): void => {
      for (const member of this.members(type)) {
        const element = this.elementOf(member);
        if (element !== undefined) {
          walk(element, `${path}[]`);
          continue;
        }
        if (!this.objectMembers(member).includes(member) || seen.has(member)) continue;
        seen.add(member);
        const named = member.aliasSymbol?.name ?? member.getSymbol()?.name;
        const owner = named === undefined || named.startsWith('__') ? path : named;
        for (const property of this.checker.getPropertiesOfType(member)) {
          const propertyType = this.typeOf(property);
          found.push({ name: property.name, path: `${owner}.${property.name}`, type: propertyType });
          walk(propertyType, `${owner}.${property.name}`);
        }
        const indexed = this.indexTypeOf(member);
        if (indexed !== undefined) walk(indexed, `${path}[key]`);
      }
    };
    for (const [name, type] of this.exported) walk(type, name);
    return found;
  }

  /** The type as the compiler writes it, for messages. */
  show(type: ts.Type): string {
    return this.checker.typeToString(type);
  }
}
