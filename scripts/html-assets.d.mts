/** Types of scripts/html-assets.mjs, for the test that checks the generated assets are fresh. */
export declare const ASSETS_FILE: string;
export declare function assetsSource(): Promise<string>;
