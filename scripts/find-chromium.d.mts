/** A path to a Chromium executable, or undefined to use Playwright's own browser. */
export declare function findChromium(): string | undefined;
/** Flags for a headless Chromium in a container: no sandbox, no background network. */
export declare const chromiumArgs: string[];
