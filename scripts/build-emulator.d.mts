export declare const emulatorBundle: string;
export declare function buildEmulator(): Promise<string>;
