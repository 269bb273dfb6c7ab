/** Types of scripts/verify-draw.mjs, for the test that reruns a draw with it. */
export declare function drawOrder(seed: string, entryIds: readonly string[]): string[];
