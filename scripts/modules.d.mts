// Declarations of modules.mjs (for the tsup configs, which are TypeScript).
export declare const publicModules: (src: string) => Array<{ readonly name: string; readonly path: string }>
export declare const tsupEntries: (src: string) => Record<string, string>
export declare const isNested: (src: string) => boolean
export declare const exportsMap: (src: string) => Record<string, unknown>
