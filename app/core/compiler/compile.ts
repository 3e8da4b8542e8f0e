/**
 * The compiler: Blockly's JSON serialization → IR v1 program, plus diagnostics carrying block ids.
 * Pure and total: any input (null, garbage, cycles, 100,000-deep nesting) gives a result, never a throw.
 */
import type { Capability, Procedure, Program } from '../ir';
import { CAPABILITIES, IR_VERSION } from '../ir';
import type { Profile } from '../profiles';
import { BlockCompiler, newScopeUse, type CompileEnv, type ScopeUse } from './block-compiler';
import { nodesOnCycles, reachable } from './call-graph';
import { DiagnosticList, type Diagnostic } from './diagnostics';
import { precheck } from './precheck';
import { inputChild, nextBlock, ownString } from './raw';
import { readDefinitions, sortTopBlocks, topBlocks, workspaceVariables, type Definition } from './workspace';

export interface CompileOptions {
  readonly profile: Profile;
}

export interface CompileResult {
  /** `null` when any diagnostic is an error. */
  readonly program: Program | null;
  readonly diagnostics: Diagnostic[];
}

const START = '';

export function compile(workspace: unknown, options: CompileOptions): CompileResult {
  const diagnostics = new DiagnosticList();
  const tops = topBlocks(workspace, diagnostics);
  if (tops === undefined || !precheck(tops, diagnostics)) return { program: null, diagnostics: diagnostics.items };
  const { start, definitions } = sortTopBlocks(tops, diagnostics);
  const defs = readDefinitions(definitions, diagnostics);
  const variables = workspaceVariables(workspace);
  const env: CompileEnv = {
    capabilities: new Set(options.profile.capabilities),
    calibration: options.profile.calibration,
    variables,
    procedures: new Map([...defs].map(([name, d]) => [name, d.params])),
    diagnostics,
  };
  const uses = new Map<string, ScopeUse>([[START, newScopeUse()]]);
  const body = start ? new BlockCompiler(env, new Set(), uses.get(START)!).chain(nextBlock(start)) : [];
  const procedures = [...defs.values()].map((d) => compileProcedure(d, env, uses));
  warnRecursion(defs, uses, diagnostics);
  if (start === undefined || diagnostics.hasErrors) return { program: null, diagnostics: diagnostics.items };
  const program: Program = {
    version: IR_VERSION,
    profile: options.profile.id,
    body,
    procedures: Object.fromEntries(procedures.map((p) => [p.name, p])),
    variables: globalNames(variables, defs, uses),
    uses: usedCapabilities(uses),
    startBlockId: ownString(start, 'id') ?? '',
  };
  return { program, diagnostics: diagnostics.items };
}

function compileProcedure(def: Definition, env: CompileEnv, uses: Map<string, ScopeUse>): Procedure {
  const use = newScopeUse();
  uses.set(def.name, use);
  const body = new BlockCompiler(env, new Set(def.params), use).chain(inputChild(def.json, 'STACK'));
  return { name: def.name, params: def.params, body, blockId: def.id };
}

function callEdges(uses: ReadonlyMap<string, ScopeUse>): Map<string, ReadonlySet<string>> {
  return new Map([...uses].map(([name, use]) => [name, use.calls]));
}

function warnRecursion(defs: ReadonlyMap<string, Definition>, uses: ReadonlyMap<string, ScopeUse>, diagnostics: DiagnosticList): void {
  const cyclic = nodesOnCycles([...defs.keys()], callEdges(uses));
  for (const def of defs.values()) {
    if (cyclic.has(def.name)) diagnostics.warning('recursive-procedure', def.id, { name: def.name });
  }
}

/** Capabilities of the start body and every procedure it can reach, in CAPABILITIES order. */
function usedCapabilities(uses: ReadonlyMap<string, ScopeUse>): Capability[] {
  const used = new Set<Capability>();
  for (const scope of reachable([START], callEdges(uses))) {
    for (const capability of uses.get(scope)?.capabilities ?? []) used.add(capability);
  }
  return CAPABILITIES.filter((c) => used.has(c));
}

/**
 * Global variables: the workspace's, then any a block names that Blockly would create on load.
 * A variable that only serves as a procedure parameter is local to it, so it is left out.
 */
function globalNames(variables: ReadonlyMap<string, string>, defs: ReadonlyMap<string, Definition>, uses: ReadonlyMap<string, ScopeUse>): string[] {
  const referenced = new Set<string>();
  for (const use of uses.values()) for (const name of use.globals) referenced.add(name);
  const params = new Set([...defs.values()].flatMap((d) => d.params));
  const names = new Set<string>();
  for (const name of variables.values()) if (!params.has(name) || referenced.has(name)) names.add(name);
  for (const name of referenced) names.add(name);
  return [...names];
}
