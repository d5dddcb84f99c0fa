// Declarations of modules.mjs (for the tsup configs, which are TypeScript).
export declare const publicModules: (src: string) => Array<{ readonly name: string; readonly path: string }>
export declare const tsupEntries: (src: string) => Record<string, string>
export declare const exportsMap: (src: string) => Record<string, unknown>
export declare const typesVersions: (src: string) => Record<string, Record<string, Array<string>>>
