export function loadDotEnv(root: string): void;
