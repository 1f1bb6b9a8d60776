import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node } from 'web-tree-sitter';

/**
 * Bicep cannot be compiled here (no Bicep CLI), so the infra tests read the files with the
 * tree-sitter grammar for Bicep: a syntax check, and enough structure (params, modules, objects)
 * to check what the files say against each other and against functions/environment.ts.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const INFRA = join(ROOT, 'infra');

let parser: Promise<Parser> | undefined;
function bicepParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve('tree-sitter-bicep/tree-sitter-bicep.wasm');
    const p = new Parser();
    p.setLanguage(await Language.load(wasm));
    return p;
  })();
  return parser;
}

export type BicepFile = { path: string; root: Node };

export async function parseBicep(path: string): Promise<BicepFile> {
  const tree = (await bicepParser()).parse(await readFile(path, 'utf8'));
  if (!tree) throw new Error(`tree-sitter returned no tree for ${path}`);
  return { path, root: tree.rootNode };
}

export async function bicepFiles(dir = INFRA): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.bicep')).map((e) => join(e.parentPath, e.name)).sort();
}

export const shortPath = (path: string): string => relative(ROOT, path);

/** Where the grammar could not parse: ERROR nodes and nodes it had to invent (MISSING). */
export function syntaxProblems(file: BicepFile): string[] {
  const problems: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'ERROR' || node.isMissing) problems.push(`${shortPath(file.path)}:${node.startPosition.row + 1}: ${node.isMissing ? `missing ${node.type}` : `cannot parse "${node.text.slice(0, 60)}"`}`);
    for (const child of node.children) if (child) walk(child);
  };
  walk(file.root);
  return problems;
}

const named = (node: Node): Node[] => node.namedChildren.filter((c): c is Node => c !== null);

/** Top-level declarations of one kind (parameter_declaration, module_declaration, variable_declaration, ...). */
export function declarations(file: BicepFile, type: string): Node[] {
  return named(file.root).filter((n) => n.type === type);
}

/** A param's name and whether it has a default (a required param has only name and type). */
export function params(file: BicepFile): { name: string; required: boolean }[] {
  return declarations(file, 'parameter_declaration').map((n) => {
    const [name, , defaultValue] = named(n);
    return { name: name!.text, required: defaultValue === undefined };
  });
}

/** An object literal's properties: key text (quotes removed) and value node. */
export function objectProperties(object: Node): Map<string, Node> {
  if (object.type !== 'object') throw new Error(`expected an object, found ${object.type}`);
  const props = new Map<string, Node>();
  for (const prop of named(object).filter((c) => c.type === 'object_property')) {
    const [key, value] = named(prop);
    props.set(key!.text.replace(/^'|'$/g, ''), value!);
  }
  return props;
}

/** What a variable is set to: `var name = <value>`. */
export function variableValue(file: BicepFile, name: string): Node {
  const decl = declarations(file, 'variable_declaration').find((n) => named(n)[0]?.text === name);
  const value = decl ? named(decl).at(-1) : undefined;
  if (!value) throw new Error(`${shortPath(file.path)} has no variable ${name}`);
  return value;
}

/** The object a variable is set to: `var name = { ... }`. */
export function variableObject(file: BicepFile, name: string): Node {
  const value = variableValue(file, name);
  if (value.type !== 'object') throw new Error(`${shortPath(file.path)}: variable ${name} is not an object`);
  return value;
}

/** Every object literal inside a node (the branches of `cond ? {} : { ... }`). */
export function objectsWithin(node: Node): Node[] {
  return node.descendantsOfType('object').filter((n): n is Node => n !== null);
}

/** A module's target path and the params it passes. */
export function modules(file: BicepFile): { name: string; target: string; passed: string[] }[] {
  return declarations(file, 'module_declaration').map((n) => {
    const [name, target, body] = named(n);
    const paramsNode = objectProperties(body!).get('params');
    return { name: name!.text, target: target!.text.replace(/^'|'$/g, ''), passed: paramsNode ? [...objectProperties(paramsNode).keys()] : [] };
  });
}

/** A value as pieces: a string's literal text and ${...} expressions, or one bare expression (`identityClientId`). */
export function valueParts(node: Node): ({ text: string } | { expression: string })[] {
  if (node.type !== 'string') return [{ expression: node.text }];
  return named(node).map((part) => (part.type === 'interpolation' ? { expression: named(part)[0]!.text } : { text: part.text }));
}
