/** The compiler: Blockly JSON → IR v1 with diagnostics; and a readable Johnny-Five script. */
export { compile } from './compile';
export type { CompileOptions, CompileResult } from './compile';
export type { Diagnostic, Severity } from './diagnostics';
export { MAX_DIAGNOSTICS } from './diagnostics';
export { MAX_DEPTH } from './precheck';
export { compileProjectToJs } from './to-johnny-five';
export { makeLargeWorkspace } from './sample-workspace';
